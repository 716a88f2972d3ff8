// How the mock's cost grows with its world: 1k, 10k and 100k generated runners (5 jobs each, seed 42).
import { captureResponse } from './capture.js'
import { median, runLoad, summarizeRounds, type LoadResult } from './load.js'
import { performance } from 'node:perf_hooks'
import { startServer, type ServerProcess } from './servers.js'
import { ADMIN_TOKEN } from './workloads.js'

export interface ScaleOptions {
  rounds: number
  durationS: number
  progress: (line: string) => void
}

export interface World {
  label: string
  runners: number
  scenario: string
}

export const WORLDS: readonly World[] = [
  { label: '1k', runners: 1_000, scenario: 'bench/scenarios/bench-1k.yaml' },
  { label: '10k', runners: 10_000, scenario: 'bench/scenarios/bench-10k.yaml' },
  { label: '100k', runners: 100_000, scenario: 'bench/scenarios/bench-100k.yaml' },
]

export interface ScaleQuery {
  name: string
  path: string
}

export interface WorldResult {
  world: World
  startupMs: number
  /** Resident set once the world answers, and the peak over start-up and queries. */
  rssAfterStartMb: number
  peakRssMb: number
  /** How many runners the filter matches in this world. */
  filteredTotal: number
  queries: Array<{ query: ScaleQuery; result: LoadResult }>
}

export interface ScaleResult {
  worlds: WorldResult[]
  queries: ScaleQuery[]
  /** A fresh session's first PUT on the 100k world (it forks the world), median over rounds. */
  firstWriteMs: number
  /** The next PUT in the same session, for comparison. */
  laterWriteMs: number
}

const HEADERS = { 'private-token': ADMIN_TOKEN }
const FILTER = '/api/v4/runners/all?status=online&tag_list=docker&type=project_type&per_page=20'

export async function runScale(options: ScaleOptions): Promise<ScaleResult> {
  const servers = new Map<string, ServerProcess>()
  const startups = new Map<string, number[]>()
  const rssAfterStart = new Map<string, number[]>()
  try {
    // Start-up is a median of rounds too; the last round's servers stay up for the queries.
    for (let round = 0; round < options.rounds; round++) {
      for (const world of WORLDS) {
        const server = await startServer({
          name: `mock (${world.label})`,
          args: ['bin/gitlab-runners-mock.js', 'serve', '--port', '{port}', '--scenario', world.scenario],
          readyPath: '/api/v4/runners/5',
          readyHeaders: HEADERS,
          readyTimeoutMs: 120_000,
        })
        startups.set(world.label, [...(startups.get(world.label) ?? []), server.coldStartMs])
        rssAfterStart.set(world.label, [...(rssAfterStart.get(world.label) ?? []), server.rssMb()])
        if (round < options.rounds - 1) await server.stop()
        else servers.set(world.label, server)
        options.progress(`start-up round ${round + 1} ${world.label}: ${server.coldStartMs.toFixed(0)} ms`)
      }
    }

    // The same filtered query in every world: the 1k world's last page, so it is a deep page there.
    const pagesIn1k = await filteredPages(serverFor(servers, WORLDS[0]!).origin)
    const totals = new Map<string, number>()
    const lastPages = new Map<string, number>()
    for (const world of WORLDS) {
      const { total, pages } = await filteredPages(serverFor(servers, world).origin)
      totals.set(world.label, total)
      lastPages.set(world.label, pages)
    }
    const queriesFor = (world: World): ScaleQuery[] => [
      { name: `filtered list, page ${pagesIn1k.pages} (same query in every world)`, path: `${FILTER}&page=${pagesIn1k.pages}` },
      { name: 'filtered list, last page of this world', path: `${FILTER}&page=${lastPages.get(world.label) ?? 1}` },
      { name: 'details of the last runner', path: `/api/v4/runners/${world.runners}` },
    ]

    const samples = new Map<string, LoadResult[]>()
    for (let round = 0; round < options.rounds; round++) {
      for (const world of WORLDS) {
        for (const [index, query] of queriesFor(world).entries()) {
          // One connection: the latency of a query on its own, not of a queue.
          const result = await runLoad(serverFor(servers, world).origin, { method: 'GET', path: query.path, headers: HEADERS }, {
            durationS: options.durationS,
            connections: 1,
            expectedStatus: 200,
          })
          const key = `${world.label}|${index}`
          samples.set(key, [...(samples.get(key) ?? []), result])
        }
        options.progress(`scale round ${round + 1} ${world.label}: queries done`)
      }
    }

    // A session reads the shared world until its first write, which forks it: time that write.
    const largest = serverFor(servers, WORLDS[WORLDS.length - 1]!)
    const firstWrites: number[] = []
    const laterWrites: number[] = []
    for (let round = 0; round < Math.max(3, options.rounds); round++) {
      const session = `bench-first-write-${round}`
      firstWrites.push(await timedWrite(largest.origin, session, round))
      laterWrites.push(await timedWrite(largest.origin, session, round + 100))
    }
    options.progress(`first write in a session (100k): ${median(firstWrites).toFixed(1)} ms`)

    const worlds = WORLDS.map((world) => ({
      world,
      startupMs: median(startups.get(world.label) ?? []),
      rssAfterStartMb: median(rssAfterStart.get(world.label) ?? []),
      peakRssMb: serverFor(servers, world).peakRssMb(),
      filteredTotal: totals.get(world.label) ?? 0,
      queries: queriesFor(world).map((query, index) => ({ query, result: summarizeRounds(samples.get(`${world.label}|${index}`) ?? []) })),
    }))
    return { worlds, queries: queriesFor(WORLDS[0]!), firstWriteMs: median(firstWrites), laterWriteMs: median(laterWrites) }
  } finally {
    await Promise.all([...servers.values()].map((server) => server.stop()))
  }
}

/** One PUT /runners/5 in `session`, spawn of the request → end of the answer, in ms. */
async function timedWrite(origin: string, session: string, n: number): Promise<number> {
  const body = JSON.stringify({ description: `bench write ${n}` })
  const started = performance.now()
  const response = await captureResponse(origin, {
    method: 'PUT',
    path: '/api/v4/runners/5',
    headers: { ...HEADERS, 'x-mock-session': session, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
    body,
  })
  const elapsed = performance.now() - started
  if (response.status !== 200) throw new Error(`PUT /runners/5 in session ${session} answered ${response.status}`)
  return elapsed
}

async function filteredPages(origin: string): Promise<{ total: number; pages: number }> {
  const response = await captureResponse(origin, { method: 'GET', path: `${FILTER}&page=1`, headers: HEADERS })
  const header = (name: string) => {
    const index = response.headers.findIndex((h, i) => i % 2 === 0 && h.toLowerCase() === name)
    return Number(response.headers[index + 1])
  }
  return { total: header('x-total'), pages: Math.max(1, header('x-total-pages')) }
}

function serverFor(servers: ReadonlyMap<string, ServerProcess>, world: World): ServerProcess {
  const server = servers.get(world.label)
  if (server === undefined) throw new Error(`the ${world.label} world is not running`)
  return server
}
