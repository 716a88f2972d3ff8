// Young-generation GC under the details workload, per server: how often V8 scavenges, how long each
// scavenge pauses, what survives one, and how many bytes a request allocates. The details p99 is
// these pauses (every in-flight request waits for one), so this says which of the two levers moved:
// fewer bytes per request (rarer scavenges) or less surviving (shorter ones).
// Each server runs pinned like the bench's, under `node --trace-gc-nvp`; after a warm-up a fixed
// number of requests is sent and the scavenges logged meanwhile are summed. Rounds alternate the
// servers (on shared cores one round is noise); the medians over rounds come last. No latencies:
// tracing every GC to a pipe puts milliseconds into the tail of every server, the limit's included
// (its p99 read 3 ms here against 0.35 ms in bench/request-path.ts): measure the p99 there.
// Usage: GC_PROBE_ROUNDS=3 node --import tsx bench/gc-probe.ts [REQUESTS=100000] [CHECKOUT=. ...] [--limit]
//   (--limit adds the bare node:http server replaying the first checkout's answer)
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import autocannon from 'autocannon'
import { captureResponse } from './capture.js'
import { median } from './load.js'
import { LOAD_CORE, pinLoadGenerator, SERVER_CORE } from './pinning.js'
import { freePort } from './servers.js'
import { requestFor, WORKLOADS } from './workloads.js'

const USAGE = 'Usage: GC_PROBE_ROUNDS=3 node --import tsx bench/gc-probe.ts [REQUESTS=100000] [CHECKOUT=. ...] [--limit]'
const args = process.argv.slice(2)
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE)
  process.exit(0)
}
const withLimit = args.includes('--limit')
const positional = args.filter((arg) => arg !== '--limit')
const requests = wholeNumber('REQUESTS', positional[0] ?? '100000')
const rounds = wholeNumber('GC_PROBE_ROUNDS', process.env.GC_PROBE_ROUNDS ?? '1')
const checkouts = (positional.length > 1 ? positional.slice(1) : ['.']).map((path) => resolve(path))
const here = resolve(new URL('..', import.meta.url).pathname)
const details = WORKLOADS.find((workload) => workload.name === 'runner details')!
const shape = requestFor(details, { pathPrefix: '/api/v4', prefersStatus: false })

interface Scavenge {
  pauseMs: number
  allocated: number
  survived: number
}

interface Probe {
  name: string
  child: ChildProcess
  origin: string
  scavenges: Scavenge[]
}

async function spawnProbe(name: string, nodeArgs: string[]): Promise<Probe> {
  const port = await freePort()
  const child = spawn('taskset', ['-c', String(SERVER_CORE), process.execPath, '--trace-gc-nvp', ...nodeArgs.map((a) => a.replaceAll('{port}', String(port)))], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const probe: Probe = { name, child, origin: `http://127.0.0.1:${port}`, scavenges: [] }
  let rest = ''
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n')
    rest = lines.pop()!
    for (const line of lines) {
      if (!line.includes(' gc=s ')) continue
      const field = (name: string) => Number(new RegExp(` ${name}=([0-9.]+)`).exec(line)?.[1] ?? NaN)
      probe.scavenges.push({ pauseMs: field('pause'), allocated: field('allocated'), survived: field('new_space_survived') })
    }
  })
  for (let tries = 0; ; tries++) {
    try {
      const response = await fetch(`${probe.origin}${shape.path}`, { headers: shape.headers })
      await response.arrayBuffer()
      if (response.status === 200) return probe
    } catch {
      if (tries > 200) throw new Error(`${nodeArgs.join(' ')} did not answer`)
    }
    await new Promise((r) => setTimeout(r, 50))
  }
}

function load(origin: string, amount: number): Promise<number> {
  const started = performance.now()
  // Timed to the last answer: autocannon reports the end of a run only on its next one-second tick.
  let lastAnswer = started
  return new Promise((done, fail) => {
    const instance = autocannon({ url: `${origin}${shape.path}`, method: shape.method, headers: shape.headers, connections: 10, amount }, (error: unknown) => {
      if (error) {
        fail(error as Error)
        return
      }
      done((lastAnswer - started) / 1000)
    })
    instance.on('response', () => {
      lastAnswer = performance.now()
    })
  })
}

interface Round {
  rps: number
  scavenges: number
  pauseMedian: number
  survived: number
  bytesPerRequest: number
}

async function measure(probe: Probe): Promise<Round> {
  await load(probe.origin, 20_000)
  const before = probe.scavenges.length
  const seconds = await load(probe.origin, requests)
  // The trace line of the last scavenge may still be on its way.
  await new Promise((r) => setTimeout(r, 200))
  const window = probe.scavenges.slice(before)
  const allocated = window.reduce((sum, s) => sum + s.allocated, 0)
  const pauses = window.map((s) => s.pauseMs)
  const round: Round = {
    rps: requests / seconds,
    scavenges: window.length,
    pauseMedian: median(pauses),
    survived: median(window.map((s) => s.survived)),
    bytesPerRequest: allocated / requests,
  }
  process.stdout.write(`${describe(probe.name, round)}  pause max ${Math.max(...pauses).toFixed(2)} ms\n`)
  return round
}

function describe(name: string, round: Round): string {
  return [
    name.padEnd(34),
    `${Math.round(round.rps)} req/s`.padStart(12),
    `${round.scavenges} scavenges`,
    `pause median ${round.pauseMedian.toFixed(2)} ms`,
    `survived ${Math.round(round.survived / 1024)} KB`,
    `${Math.round(round.bytesPerRequest)} B/request`,
  ].join('  ')
}

pinLoadGenerator()
process.stdout.write(`server on core ${SERVER_CORE}, autocannon on core ${LOAD_CORE}; ${requests} details requests, 10 connections, ${rounds} round(s)\n`)
const probes: Probe[] = []
try {
  for (const checkout of checkouts) probes.push(await spawnProbe(checkout, [`${checkout}/bin/gitlab-runners-mock.js`, 'serve', '--port', '{port}', '--scenario', 'bench']))
  if (withLimit) {
    const capturePath = join(mkdtempSync(join(tmpdir(), 'gc-probe-')), 'capture.json')
    writeFileSync(capturePath, JSON.stringify([await captureResponse(probes[0]!.origin, shape)]))
    probes.push(await spawnProbe('limit (bare node:http)', [`${here}/bench/limit-server.mjs`, capturePath, '{port}']))
  }
  const results = new Map<Probe, Round[]>(probes.map((probe) => [probe, []]))
  for (let round = 0; round < rounds; round++) for (const probe of probes) results.get(probe)!.push(await measure(probe))
  if (rounds > 1) {
    process.stdout.write('medians over the rounds:\n')
    for (const probe of probes) {
      const all = results.get(probe)!
      const of = (key: keyof Round) => median(all.map((round) => round[key]))
      const summary: Round = { rps: of('rps'), scavenges: of('scavenges'), pauseMedian: of('pauseMedian'), survived: of('survived'), bytesPerRequest: of('bytesPerRequest') }
      process.stdout.write(`${describe(probe.name, summary)}\n`)
    }
  }
} finally {
  for (const probe of probes) probe.child.kill('SIGKILL')
}

/** A count from the command line or the environment: a positive whole number, or the usage and exit 2. */
function wholeNumber(name: string, text: string): number {
  const value = Number(text)
  if (Number.isInteger(value) && value > 0) return value
  console.error(`gc-probe: ${name} must be a positive whole number, got '${text}'\n${USAGE}`)
  process.exit(2)
}
