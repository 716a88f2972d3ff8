// Session churn: the mock under a new X-Mock-Session every 50 requests for a while (5 minutes by default),
// printing the server's RSS, the request rate and the server's CPU time per request at the start, each
// minute and the end (CPU per request is what the mock costs; req/s also says how busy the machine is). Sessions beyond the cap are
// evicted, least recently used first, so memory and throughput should stay flat.
//   node --import tsx bench/session-churn.ts [--minutes 5] [--max-sessions N] [--connections 8]
// The server runs in its own process (the real CLI), so its RSS is not mixed with the load generator's.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '5' },
    'max-sessions': { type: 'string' },
    connections: { type: 'string', default: '8' },
  },
})
const durationMs = Number(values.minutes) * 60_000
const connections = Number(values.connections)
const ADMIN = 'glpat-admin-0000000000000'
const WINDOW_MS = 10_000

const root = fileURLToPath(new URL('..', import.meta.url))
const server = spawn(
  process.execPath,
  ['bin/gitlab-runners-mock.js', 'serve', '--port', '0', ...(values['max-sessions'] === undefined ? [] : ['--max-sessions', values['max-sessions']])],
  { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
)
const url = await new Promise<string>((resolve, reject) => {
  let out = ''
  server.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString()
    const match = /on (http:\/\/\S+\/api\/v4)/.exec(out)
    if (match) resolve(match[1]!)
  })
  server.once('exit', (code) => reject(new Error(`serve exited with ${code}`)))
})

function rssMb(): number {
  const status = readFileSync(`/proc/${server.pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
}

/** The server's CPU time so far, in ms: per request it says what the mock costs, however busy the machine. */
function cpuMs(): number {
  const fields = readFileSync(`/proc/${server.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  // utime and stime, fields 14 and 15 of /proc/PID/stat, in clock ticks of 10 ms.
  return (Number(fields[11]) + Number(fields[12])) * 10
}

let sent = 0
let failed = 0
let session = 0
const started = Date.now()
const stopAt = started + durationMs
const marks: Array<{ at: number; sent: number; cpu: number }> = []

// Every 50th request opens a new session; its first request is a write, so each session gets its own world.
async function worker(): Promise<void> {
  while (Date.now() < stopAt) {
    const index = sent++
    if (index % 50 === 0) session++
    const id = `churn-${session}`
    const write = index % 50 === 0
    const response = await fetch(`${url}${write ? '/runners/10' : '/runners/all?per_page=20'}`, {
      method: write ? 'PUT' : 'GET',
      headers: { 'PRIVATE-TOKEN': ADMIN, 'X-Mock-Session': id, ...(write ? { 'content-type': 'application/json' } : {}) },
      ...(write ? { body: JSON.stringify({ description: `churn ${session}` }) } : {}),
    })
    await response.arrayBuffer()
    if (response.status >= 400) failed++
  }
}

const sampler = setInterval(() => {
  marks.push({ at: Date.now(), sent, cpu: cpuMs() })
  // A line a minute, so a plateau (or a climb) is visible, not just the two ends.
  const elapsedS = Math.round((Date.now() - started) / 1000)
  // The load average says whether a drop in req/s is the mock's or the machine's.
  if (elapsedS > 0 && elapsedS % 60 === 0) {
    console.log(`${elapsedS} s: RSS ${rssMb().toFixed(0)} MB, ${rate(Date.now() - WINDOW_MS, Date.now())} req/s, ${cpuPerRequest(Date.now() - WINDOW_MS, Date.now())} server CPU ms/request, sessions opened ${session}, load average ${loadavg()[0]!.toFixed(1)}`)
  }
}, 1000)
const rssAtStart = { value: 0 }
setTimeout(() => (rssAtStart.value = rssMb()), WINDOW_MS).unref()
await Promise.all(Array.from({ length: connections }, () => worker()))
clearInterval(sampler)
const rssAtEnd = rssMb()

function rate(from: number, to: number): number {
  const inside = marks.filter((mark) => mark.at >= from && mark.at <= to)
  if (inside.length < 2) return 0
  const first = inside[0]!
  const last = inside[inside.length - 1]!
  return Math.round(((last.sent - first.sent) * 1000) / (last.at - first.at))
}

/** Server CPU ms per request over a window. */
function cpuPerRequest(from: number, to: number): string {
  const inside = marks.filter((mark) => mark.at >= from && mark.at <= to)
  if (inside.length < 2) return '-'
  const first = inside[0]!
  const last = inside[inside.length - 1]!
  return ((last.cpu - first.cpu) / Math.max(1, last.sent - first.sent)).toFixed(3)
}

const sessions = (await (await fetch(url.replace(/\/api\/v4$/, '/__mock/sessions'))).json()) as { sessions: unknown[] }
console.log(`requests ${sent}, failed ${failed}, sessions opened ${session}, live at the end ${sessions.sessions.length}`)
console.log(`start (first ${WINDOW_MS / 1000} s): RSS ${rssAtStart.value.toFixed(0)} MB, ${rate(started, started + WINDOW_MS)} req/s, ${cpuPerRequest(started, started + WINDOW_MS)} server CPU ms/request`)
console.log(`end   (last ${WINDOW_MS / 1000} s):  RSS ${rssAtEnd.toFixed(0)} MB, ${rate(stopAt - WINDOW_MS, stopAt + 1000)} req/s, ${cpuPerRequest(stopAt - WINDOW_MS, stopAt + 1000)} server CPU ms/request`)
server.kill('SIGTERM')
