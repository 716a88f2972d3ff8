// The GitLab API request path of this checkout and others side by side, in one run: details and list
// on the `bench` scenario, autocannon at 10 connections, each server warmed 1 s then measured, servers
// started the way the bench starts them (bin/, so each checkout runs as it would).
// Rounds alternate the servers and the medians are printed: on shared cores one round is noise.
// Usage: REQUEST_PATH_ROUNDS=3 node --import tsx bench/request-path.ts [SECONDS=5] [OTHER_CHECKOUT=/work/main ...]
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { captureResponse } from './capture.js'
import { runLoad, summarizeRounds, type LoadResult } from './load.js'
import { killAll, startServer, type ServerProcess } from './servers.js'
import { requestFor, WORKLOADS } from './workloads.js'

const durationS = Number(process.argv[2] ?? 5)
const rounds = Number(process.env.REQUEST_PATH_ROUNDS ?? 3)
const others = process.argv.length > 3 ? process.argv.slice(3).map((path) => resolve(path)) : ['/work/main']
const here = resolve(new URL('..', import.meta.url).pathname)
const routes = WORKLOADS.filter((workload) => workload.name === 'runner details' || workload.name === 'list runners')

async function start(name: string, checkout: string): Promise<ServerProcess> {
  return startServer({
    name,
    args: [`${checkout}/bin/gitlab-runners-mock.js`, 'serve', '--port', '{port}', '--scenario', 'bench'],
    readyPath: '/api/v4/runners/5',
    readyHeaders: { 'private-token': 'glpat-admin-0000000000000' },
  })
}

const servers: ServerProcess[] = []
for (const checkout of others) servers.push(await start(checkout, checkout))
servers.push(await start(`${here} (this)`, here))
// The bare node:http limit replays this checkout's answers byte for byte, as the bench's does.
const capturePath = join(mkdtempSync(join(tmpdir(), 'request-path-')), 'capture.json')
const shapes = routes.map((workload) => requestFor(workload, { pathPrefix: '/api/v4', prefersStatus: false }))
writeFileSync(capturePath, JSON.stringify(await Promise.all(shapes.map((shape) => captureResponse(servers.at(-1)!.origin, shape)))))
servers.push(
  await startServer({
    name: 'limit (bare node:http)',
    args: [`${here}/bench/limit-server.mjs`, capturePath, '{port}'],
    readyPath: '/api/v4/runners/5',
    readyHeaders: { 'private-token': 'glpat-admin-0000000000000' },
  }),
)
try {
  for (const workload of routes) {
    const shape = requestFor(workload, { pathPrefix: '/api/v4', prefersStatus: false })
    const results = new Map<ServerProcess, LoadResult[]>(servers.map((server) => [server, []]))
    for (let round = 0; round < rounds; round++) {
      for (const server of servers) {
        await runLoad(server.origin, shape, { durationS: 1, connections: 10, expectedStatus: workload.status })
        results.get(server)!.push(await runLoad(server.origin, shape, { durationS, connections: 10, expectedStatus: workload.status }))
      }
    }
    for (const server of servers) {
      const result = summarizeRounds(results.get(server)!)
      const line = `${workload.name.padEnd(15)} ${server.name.padEnd(40)} ${Math.round(result.rps).toString().padStart(6)} req/s  p50 ${result.p50Ms.toFixed(2)} ms  p99 ${result.p99Ms.toFixed(2)} ms  errors ${result.errors} unexpected ${result.unexpected}`
      process.stdout.write(`${line}\n`)
    }
  }
} finally {
  for (const server of servers) await server.stop()
  killAll()
}
