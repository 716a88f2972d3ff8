// Session churn: the mock under a new X-Mock-Session every 50 requests for a while (5 minutes by default),
// printing the server's RSS and the request rate at the start and at the end. Sessions beyond the cap are
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

let sent = 0
let failed = 0
let session = 0
const started = Date.now()
const stopAt = started + durationMs
const marks: Array<{ at: number; sent: number }> = []

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
  marks.push({ at: Date.now(), sent })
  // A line a minute, so a plateau (or a climb) is visible, not just the two ends.
  const elapsedS = Math.round((Date.now() - started) / 1000)
  // The load average says whether a drop in req/s is the mock's or the machine's.
  if (elapsedS > 0 && elapsedS % 60 === 0) {
    console.log(`${elapsedS} s: RSS ${rssMb().toFixed(0)} MB, ${rate(Date.now() - WINDOW_MS, Date.now())} req/s, sessions opened ${session}, load average ${loadavg()[0]!.toFixed(1)}`)
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

const sessions = (await (await fetch(url.replace(/\/api\/v4$/, '/__mock/sessions'))).json()) as { sessions: unknown[] }
console.log(`requests ${sent}, failed ${failed}, sessions opened ${session}, live at the end ${sessions.sessions.length}`)
console.log(`start (first ${WINDOW_MS / 1000} s): RSS ${rssAtStart.value.toFixed(0)} MB, ${rate(started, started + WINDOW_MS)} req/s`)
console.log(`end   (last ${WINDOW_MS / 1000} s):  RSS ${rssAtEnd.toFixed(0)} MB, ${rate(stopAt - WINDOW_MS, stopAt + 1000)} req/s`)
server.kill('SIGTERM')
