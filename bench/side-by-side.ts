// The mock, Prism and the bare-Node limit under the same workloads, interleaved over rounds, on loopback.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { captureResponse } from './capture.js'
import { median, runLoad, summarizeRounds, type LoadResult } from './load.js'
import { startServer, type ServerProcess, type ServerSpec } from './servers.js'
import { ADMIN_TOKEN, WORKLOADS, requestFor, type Workload } from './workloads.js'

export type TargetName = 'mock' | 'prism' | 'limit'

export interface SideBySideOptions {
  rounds: number
  durationS: number
  warmupS: number
  connections: number
  /** Scenario the mock serves (name or path). */
  scenario: string
  progress: (line: string) => void
}

export interface WorkloadRow {
  workload: Workload
  /** Medians over rounds; errors and unexpected statuses are totals. */
  byTarget: Record<TargetName, LoadResult>
}

export interface SideBySideResult {
  rows: WorkloadRow[]
  coldStartMs: Record<TargetName, number>
  peakRssMb: Record<TargetName, number>
}

interface Target {
  name: TargetName
  pathPrefix: string
  prefersStatus: boolean
  spec: ServerSpec
}

const TARGET_NAMES: readonly TargetName[] = ['mock', 'prism', 'limit']

function targets(scenario: string, capturePath: string): Target[] {
  const readyHeaders = { 'private-token': ADMIN_TOKEN }
  return [
    {
      name: 'mock',
      pathPrefix: '/api/v4',
      prefersStatus: false,
      spec: {
        name: 'mock',
        args: ['bin/gitlab-runners-mock.js', 'serve', '--port', '{port}', '--scenario', scenario],
        readyPath: '/api/v4/runners/5',
        readyHeaders,
      },
    },
    {
      name: 'prism',
      // Prism serves the spec's paths at the root; its logging is off so it runs at its best.
      pathPrefix: '',
      prefersStatus: true,
      spec: {
        name: 'prism',
        args: [
          'node_modules/@stoplight/prism-cli/dist/index.js',
          'mock',
          'openapi/gitlab-runners.yaml',
          '-p',
          '{port}',
          '-h',
          '127.0.0.1',
          '--verboseLevel',
          'silent',
        ],
        readyPath: '/runners/5',
        readyHeaders,
      },
    },
    {
      name: 'limit',
      pathPrefix: '/api/v4',
      prefersStatus: false,
      spec: {
        name: 'limit',
        args: ['bench/limit-server.mjs', capturePath, '{port}'],
        readyPath: '/api/v4/runners/5',
        readyHeaders,
      },
    },
  ]
}

export async function runSideBySide(options: SideBySideOptions): Promise<SideBySideResult> {
  const dir = mkdtempSync(join(tmpdir(), 'gitlab-runners-mock-bench-'))
  const capturePath = join(dir, 'capture.json')
  const all = targets(options.scenario, capturePath)
  const servers = new Map<TargetName, ServerProcess>()
  try {
    await captureMockResponses(all[0]!, capturePath)
    options.progress(`captured the mock's responses for ${WORKLOADS.length} workloads`)

    // Cold start: spawn each target once per round; the last round's servers stay up for the load.
    const coldStarts: Record<TargetName, number[]> = { mock: [], prism: [], limit: [] }
    for (let round = 0; round < options.rounds; round++) {
      for (const target of all) {
        const server = await startServer(target.spec)
        coldStarts[target.name].push(server.coldStartMs)
        if (round < options.rounds - 1) await server.stop()
        else servers.set(target.name, server)
      }
      options.progress(`cold start round ${round + 1}: ${all.map((t) => `${t.name} ${last(coldStarts[t.name]).toFixed(0)} ms`).join(', ')}`)
    }

    for (const target of all) {
      for (const workload of WORKLOADS) {
        await runLoad(originOf(servers, target.name), requestFor(workload, target), {
          durationS: options.warmupS,
          connections: options.connections,
          expectedStatus: workload.status,
        })
      }
    }
    options.progress('warmed up every target on every workload')

    const samples = new Map<string, LoadResult[]>()
    for (let round = 0; round < options.rounds; round++) {
      for (const workload of WORKLOADS) {
        // Rotate who goes first, so no target always runs right after another's load.
        const order = all.map((_, i) => all[(i + round) % all.length]!)
        for (const target of order) {
          const result = await runLoad(originOf(servers, target.name), requestFor(workload, target), {
            durationS: options.durationS,
            connections: options.connections,
            expectedStatus: workload.status,
          })
          const key = `${workload.name}|${target.name}`
          samples.set(key, [...(samples.get(key) ?? []), result])
        }
        options.progress(
          `round ${round + 1} ${workload.name}: ` +
            all.map((t) => `${t.name} ${last(samples.get(`${workload.name}|${t.name}`) ?? []).rps.toFixed(0)} req/s`).join(', '),
        )
      }
    }

    const rows = WORKLOADS.map((workload) => ({
      workload,
      byTarget: Object.fromEntries(
        TARGET_NAMES.map((name) => [name, summarizeRounds(samples.get(`${workload.name}|${name}`) ?? [])]),
      ) as Record<TargetName, LoadResult>,
    }))
    const peakRssMb = Object.fromEntries(TARGET_NAMES.map((name) => [name, serverOf(servers, name).peakRssMb()])) as Record<
      TargetName,
      number
    >
    const coldStartMs = Object.fromEntries(TARGET_NAMES.map((name) => [name, median(coldStarts[name])])) as Record<
      TargetName,
      number
    >
    return { rows, coldStartMs, peakRssMb }
  } finally {
    await Promise.all([...servers.values()].map((server) => server.stop()))
    rmSync(dir, { recursive: true, force: true })
  }
}

async function captureMockResponses(mock: Target, capturePath: string): Promise<void> {
  const server = await startServer(mock.spec)
  try {
    const captured = []
    for (const workload of WORKLOADS) {
      const response = await captureResponse(server.origin, requestFor(workload, mock))
      if (response.status !== workload.status) {
        throw new Error(`the mock answered ${response.status} to ${workload.name}, expected ${workload.status}`)
      }
      captured.push(response)
    }
    writeFileSync(capturePath, JSON.stringify(captured))
  } finally {
    await server.stop()
  }
}

function serverOf(servers: ReadonlyMap<TargetName, ServerProcess>, name: TargetName): ServerProcess {
  const server = servers.get(name)
  if (server === undefined) throw new Error(`${name} is not running`)
  return server
}

function originOf(servers: ReadonlyMap<TargetName, ServerProcess>, name: TargetName): string {
  return serverOf(servers, name).origin
}

function last<T>(values: readonly T[]): T {
  const value = values[values.length - 1]
  if (value === undefined) throw new Error('no samples yet')
  return value
}
