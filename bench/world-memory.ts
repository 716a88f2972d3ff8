// Memory of the 100k-runner world, checkouts side by side in one run: spawns each checkout's mock on
// bench/scenarios/bench-100k.yaml, reads VmRSS once it answers, again after job and runner list
// queries and after three sessions' first writes (each forks the world), and the peak (VmHWM). Usage:
//   npx tsx bench/world-memory.ts [checkout ...]   (default: this checkout)
import { resolve } from 'node:path'
import { startServer } from './servers.js'
import { ADMIN_TOKEN } from './workloads.js'

const SCENARIO = 'bench/scenarios/bench-100k.yaml'
const HEADERS = { 'private-token': ADMIN_TOKEN }
const QUERIES = [
  '/api/v4/runners/all?per_page=100',
  '/api/v4/runners/all?status=online&tag_list=docker&type=project_type&per_page=100',
  ...Array.from({ length: 20 }, (_, n) => `/api/v4/runners/${1 + n * 4_999}/jobs?per_page=100`),
]

const checkouts = process.argv.slice(2)
for (const checkout of checkouts.length > 0 ? checkouts : ['.']) {
  const root = resolve(checkout)
  const server = await startServer({
    name: `mock (${root})`,
    args: [`${root}/bin/gitlab-runners-mock.js`, 'serve', '--port', '{port}', '--scenario', resolve(root, SCENARIO)],
    readyPath: '/api/v4/runners/5',
    readyHeaders: HEADERS,
    readyTimeoutMs: 300_000,
  })
  const afterStart = server.rssMb()
  let bytes = 0
  for (let round = 0; round < 3; round++) {
    for (const path of QUERIES) {
      const response = await fetch(`${server.origin}${path}`, { headers: HEADERS })
      bytes += (await response.arrayBuffer()).byteLength
    }
  }
  const afterQueries = server.rssMb()
  // Sessions fork the world on their first write, as bench/scale.ts's first-write figure does.
  for (let session = 0; session < 3; session++) {
    const headers = { ...HEADERS, 'content-type': 'application/json', 'x-mock-session': `memory-${session}` }
    const response = await fetch(`${server.origin}/api/v4/runners/5`, { method: 'PUT', headers, body: JSON.stringify({ description: `write ${session}` }) })
    await response.arrayBuffer()
  }
  console.log(`${root}: start ${(server.coldStartMs / 1000).toFixed(1)} s, RSS after start ${afterStart.toFixed(0)} MB, ` +
    `after ${QUERIES.length * 3} queries ${afterQueries.toFixed(0)} MB (${(bytes / 1e6).toFixed(1)} MB served), ` +
    `after 3 sessions' first writes ${server.rssMb().toFixed(0)} MB, peak ${server.peakRssMb().toFixed(0)} MB`)
  await server.stop()
}
