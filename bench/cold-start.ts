// Cold start alone: spawn → first 200 on GET /api/v4/runners/5, for the mock as the bench spawns it and
// the bare node:http limit, interleaved over rounds, medians printed. A focused check while working on
// start-up; `npm run bench` measures the same thing inside its full run.
// Usage: node --import tsx bench/cold-start.ts [ROUNDS] [SCENARIO] [OTHER-CHECKOUT]
// Builds dist/ first if it is not current, as `npm run bench` does (the command runs dist/ only while
// it is). OTHER-CHECKOUT adds that checkout's command as a fourth server, e.g. main for a before/after.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { captureResponse } from './capture.js'
import { median } from './load.js'
import { startServer, type ServerSpec } from './servers.js'
import { ADMIN_TOKEN } from './workloads.js'

const rounds = Number(process.argv[2] ?? 5)
const scenario = process.argv[3] ?? 'bench'
const other = process.argv[4]
const readyHeaders = { 'private-token': ADMIN_TOKEN }
const readyPath = '/api/v4/runners/5'

execFileSync(process.execPath, ['scripts/build.js', '--if-stale'], { stdio: 'inherit' })
const dir = mkdtempSync(join(tmpdir(), 'gitlab-runners-mock-cold-'))
const capturePath = join(dir, 'capture.json')
try {
  const specs: ServerSpec[] = [
    { name: 'mock (bin)', args: ['bin/gitlab-runners-mock.js', 'serve', '--port', '{port}', '--scenario', scenario], readyPath, readyHeaders },
    { name: 'limit', args: ['bench/limit-server.mjs', capturePath, '{port}'], readyPath, readyHeaders },
  ]
  if (other !== undefined) {
    specs.push({ name: 'other mock', args: [join(other, 'bin/gitlab-runners-mock.js'), 'serve', '--port', '{port}', '--scenario', scenario], readyPath, readyHeaders })
  }
  const first = await startServer(specs[0]!)
  writeFileSync(capturePath, JSON.stringify([await captureResponse(first.origin, { method: 'GET', path: readyPath, headers: readyHeaders })]))
  await first.stop()

  const times = new Map<string, number[]>(specs.map((spec) => [spec.name, []]))
  const cpu = new Map<string, number[]>(specs.map((spec) => [spec.name, []]))
  for (let round = 0; round < rounds; round++) {
    for (const spec of specs) {
      const server = await startServer(spec)
      times.get(spec.name)!.push(server.coldStartMs)
      cpu.get(spec.name)!.push(server.cpuMs())
      await server.stop()
    }
  }
  const limit = median(times.get('limit')!)
  const limitCpu = median(cpu.get('limit')!)
  for (const [name, values] of times) {
    const wall = median(values)
    const used = median(cpu.get(name)!)
    console.log(
      `${name.padEnd(12)} spawn -> 200 median ${wall.toFixed(0).padStart(5)} ms (${(wall / limit).toFixed(2)}x the limit), ` +
        `CPU ${used.toFixed(0).padStart(4)} ms (${(used / limitCpu).toFixed(2)}x); runs: ${values.map((v) => v.toFixed(0)).join(' ')}`,
    )
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
