// The reply path alone, per reply: handler (store + serializer) → self-check → JSON → a stub response,
// for the bench workloads, in-process. Compares source trees in ONE run, interleaved round by round:
//   node --import tsx bench/reply-path.ts [label=path/to/tree ...]   (default: this tree)
//   REPLY_PATH_ONLY='runner details' … to time one workload (e.g. under --cpu-prof); REPLY_PATH_ROUNDS=9 for more rounds
// e.g. `git archive main | tar -x -C /tmp/main-tree` then `... bench/reply-path.ts main=/tmp/main-tree branch=.`
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ADMIN_TOKEN, WORKLOADS } from './workloads.js'

interface Tree {
  label: string
  /** Answers one request of the workload, written to a stub response; returns the body's length. */
  answer(workload: (typeof WORKLOADS)[number]): number
}

const NOW = Date.UTC(2025, 5, 2, 12, 0, 0)

async function loadTree(label: string, root: string): Promise<Tree> {
  const from = (path: string) => import(pathToFileURL(resolve(root, path)).href)
  const { loadContract } = await from('src/contract/index.ts')
  const { loadScenario } = await from('src/scenarios/load.ts')
  const { World } = await from('src/store/world.ts')
  const { ManualClock } = await from('src/store/clock.ts')
  const { authenticateUser } = await from('src/store/tokens.ts')
  const { serveRelease } = await from('src/server/served-release.ts')
  const { handlers } = await from('src/server/routes.ts')
  const { createResponder } = await from('src/server/respond.ts')
  const contract = loadContract()
  const clock = new ManualClock(NOW)
  const world = new World(loadScenario('bench', { now: NOW }), clock)
  const release = serveRelease(contract.profile)
  const responder = createResponder(contract, 'strict', (line: string) => {
    throw new Error(line)
  })
  const actor = authenticateUser(world, ADMIN_TOKEN)
  let written = 0
  const res = {
    writeHead() {
      return res
    },
    end(chunk?: string) {
      written = chunk === undefined ? 0 : chunk.length
    },
  }
  const prepared = new Map<string, () => unknown>()
  for (const workload of WORKLOADS) {
    const url = new URL(`http://127.0.0.1:4000/api/v4${workload.path}`)
    const match = contract.findOperation(workload.method, url.pathname.slice('/api/v4'.length))
    const query = Object.fromEntries(url.searchParams)
    const body = workload.body === undefined ? undefined : JSON.parse(workload.body)
    const validation = contract.validateRequest(match.operation, { path: match.pathParams, query, body })
    const link = { origin: url.origin, path: url.pathname, params: { ...query, ...body, ...match.pathParams } }
    const handler = handlers[match.operation.operationId]
    prepared.set(workload.name, () => {
      let reply
      try {
        reply = handler({ params: validation.params, headers: {} }, { world, actor, link, release })
      } catch (error) {
        reply = { status: 404, body: { message: '404 Runner Not Found' } }
        void error
      }
      responder.send(res, match.operation, reply)
    })
  }
  return {
    label,
    answer(workload) {
      prepared.get(workload.name)!()
      return written
    },
  }
}

const trees = await Promise.all(
  (process.argv.length > 2 ? process.argv.slice(2) : ['this=.']).map((arg) => {
    const [label, root] = arg.includes('=') ? arg.split('=') : [arg, arg]
    return loadTree(label!, root!)
  }),
)

const workloads = WORKLOADS.filter((workload) => process.env.REPLY_PATH_ONLY === undefined || workload.name === process.env.REPLY_PATH_ONLY)
const ROUNDS = Number(process.env.REPLY_PATH_ROUNDS ?? 5)
const PER_ROUND_MS = 400
const results = new Map<string, number[]>()
for (const workload of workloads) {
  for (const tree of trees) for (let i = 0; i < 2_000; i++) tree.answer(workload)
}
for (let round = 0; round < ROUNDS; round++) {
  for (const workload of workloads) {
    for (const tree of trees) {
      let count = 0
      const started = performance.now()
      let elapsed: number
      do {
        for (let i = 0; i < 50; i++) tree.answer(workload)
        count += 50
        elapsed = performance.now() - started
      } while (elapsed < PER_ROUND_MS)
      const key = `${workload.name}\t${tree.label}`
      results.set(key, [...(results.get(key) ?? []), (elapsed * 1000) / count])
    }
  }
}
process.stdout.write('workload\ttree\tmedian us/reply\tbytes\n')
for (const workload of workloads) {
  for (const tree of trees) {
    const times = results.get(`${workload.name}\t${tree.label}`)!.sort((a, b) => a - b)
    process.stdout.write(`${workload.name}\t${tree.label}\t${times[Math.floor(times.length / 2)]!.toFixed(2)}\t${tree.answer(workload)}\n`)
  }
}
