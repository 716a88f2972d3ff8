// The GitLab API request path of two checkouts side by side, in one run: details and list on the
// `bench` scenario, autocannon 5 s at 10 connections each, servers started the way the bench starts them.
// Usage: node --import tsx bench/request-path.ts [OTHER_CHECKOUT=/work/main] [SECONDS=5]
import { resolve } from 'node:path'
import { runLoad } from './load.js'
import { killAll, startServer, type ServerProcess } from './servers.js'
import { requestFor, WORKLOADS } from './workloads.js'

const other = resolve(process.argv[2] ?? '/work/main')
const here = resolve(new URL('..', import.meta.url).pathname)
const durationS = Number(process.argv[3] ?? 5)
const routes = WORKLOADS.filter((workload) => workload.name === 'runner details' || workload.name === 'list runners')

async function start(name: string, checkout: string): Promise<ServerProcess> {
  return startServer({
    name,
    args: [`${checkout}/bin/gitlab-runners-mock.js`, 'serve', '--port', '{port}', '--scenario', 'bench'],
    readyPath: '/api/v4/runners/5',
    readyHeaders: { 'private-token': 'glpat-admin-0000000000000' },
  })
}

const servers = [await start(`other (${other})`, other), await start(`this (${here})`, here)]
try {
  for (const workload of routes) {
    const shape = requestFor(workload, { pathPrefix: '/api/v4', prefersStatus: false })
    for (const server of servers) {
      await runLoad(server.origin, shape, { durationS: 1, connections: 10, expectedStatus: workload.status })
      const result = await runLoad(server.origin, shape, { durationS, connections: 10, expectedStatus: workload.status })
      const line = `${workload.name.padEnd(15)} ${server.name.padEnd(40)} ${Math.round(result.rps).toString().padStart(6)} req/s  p50 ${result.p50Ms.toFixed(2)} ms  p99 ${result.p99Ms.toFixed(2)} ms  errors ${result.errors} unexpected ${result.unexpected}`
      process.stdout.write(`${line}\n`)
    }
  }
} finally {
  for (const server of servers) await server.stop()
  killAll()
}
