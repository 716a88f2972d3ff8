// Young-generation GC under the details workload, per server: how often V8 scavenges, how long each
// scavenge pauses, what survives one, and how many bytes a request allocates. The details p99 is
// these pauses (every in-flight request waits for one), so this says which of the two levers moved:
// fewer bytes per request (rarer scavenges) or less surviving (shorter ones).
// Each server runs pinned like the bench's, under `node --trace-gc-nvp`; after a warm-up a fixed
// number of requests is sent and the scavenges logged meanwhile are summed.
// Usage: node --import tsx bench/gc-probe.ts [REQUESTS=100000] [CHECKOUT=. ...] [--limit]
//   (--limit adds the bare node:http server replaying this checkout's answer)
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import autocannon from 'autocannon'
import { captureResponse } from './capture.js'
import { LOAD_CORE, pinLoadGenerator, SERVER_CORE } from './pinning.js'
import { requestFor, WORKLOADS } from './workloads.js'

const args = process.argv.slice(2)
const withLimit = args.includes('--limit')
const positional = args.filter((arg) => arg !== '--limit')
const requests = Number(positional[0] ?? 100_000)
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
  child: ChildProcess
  origin: string
  scavenges: Scavenge[]
}

async function spawnProbe(nodeArgs: string[]): Promise<Probe> {
  const port = await freePort()
  const child = spawn('taskset', ['-c', String(SERVER_CORE), process.execPath, '--trace-gc-nvp', ...nodeArgs.map((a) => a.replaceAll('{port}', String(port)))], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const probe: Probe = { child, origin: `http://127.0.0.1:${port}`, scavenges: [] }
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

function load(origin: string, amount: number): Promise<{ seconds: number; p99: number }> {
  const started = performance.now()
  return new Promise((done, fail) => {
    autocannon({ url: `${origin}${shape.path}`, method: shape.method, headers: shape.headers, connections: 10, amount }, (error: unknown, result) => {
      if (error) fail(error as Error)
      else done({ seconds: (performance.now() - started) / 1000, p99: result.latency.p99 })
    })
  })
}

/** A port nothing listens on now; the child binds it a moment later. */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer()
    server.once('error', fail)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => done(typeof address === 'object' && address !== null ? address.port : 0))
    })
  })
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

async function measure(name: string, probe: Probe): Promise<void> {
  await load(probe.origin, 20_000)
  const before = probe.scavenges.length
  const { seconds } = await load(probe.origin, requests)
  // The trace line of the last scavenge may still be on its way.
  await new Promise((r) => setTimeout(r, 200))
  const window = probe.scavenges.slice(before)
  const allocated = window.reduce((sum, s) => sum + s.allocated, 0)
  const pauses = window.map((s) => s.pauseMs)
  const line = [
    name.padEnd(40),
    `${Math.round(requests / seconds)} req/s`,
    `${window.length} scavenges`,
    `every ${((seconds * 1000) / window.length).toFixed(1)} ms`,
    `pause median ${median(pauses).toFixed(2)} ms, max ${Math.max(...pauses).toFixed(2)} ms`,
    `survived ${Math.round(median(window.map((s) => s.survived)) / 1024)} KB`,
    `${Math.round(allocated / requests)} B/request`,
  ].join('  ')
  process.stdout.write(`${line}\n`)
}

pinLoadGenerator()
process.stdout.write(`server on core ${SERVER_CORE}, autocannon on core ${LOAD_CORE}; ${requests} details requests, 10 connections\n`)
for (const checkout of checkouts) {
  const probe = await spawnProbe([`${checkout}/bin/gitlab-runners-mock.js`, 'serve', '--port', '{port}', '--scenario', 'bench'])
  try {
    await measure(checkout, probe)
    if (withLimit && checkout === checkouts[0]) {
      const capturePath = join(mkdtempSync(join(tmpdir(), 'gc-probe-')), 'capture.json')
      writeFileSync(capturePath, JSON.stringify([await captureResponse(probe.origin, shape)]))
      const limit = await spawnProbe([`${here}/bench/limit-server.mjs`, capturePath, '{port}'])
      try {
        await measure('limit (bare node:http)', limit)
      } finally {
        limit.child.kill('SIGKILL')
      }
    }
  } finally {
    probe.child.kill('SIGKILL')
  }
}
