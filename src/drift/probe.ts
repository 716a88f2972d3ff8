// Running a verify: sends the plan's probes in stages (lists, then what they found, then refusals, then --writes),
// checks every exchange, and says whether the run itself failed (credentials, connection) apart from any drift.

import type { Contract } from '../contract/index.js'
import { checkExchange } from './check.js'
import type { Exchange } from './exchange.js'
import { TransportError, type HttpClient } from './http.js'
import { errorProbes, learnedProbes, listProbes, metadataProbes, nextPageProbe, pickRunners, runnerProbes, type LearnedFacts, type PlanTarget, type Probe, type RunnerFacts } from './plan.js'
import type { Redactor } from './redact.js'
import type { CheckedExchange, RunProblem, SkippedPlan } from './report/model.js'
import { writeRoundTrip, type WriteTarget } from './writes.js'

export interface VerifyOptions {
  target: WriteTarget & PlanTarget
  writes: boolean
  strict: boolean
  /** Runners whose details, jobs, managers and projects are probed (default 5). */
  maxRunners?: number
  /** Pages followed per paginated probe (default 3). */
  maxPages?: number
  redactor: Redactor
  signal?: AbortSignal
  onProgress?: (done: number, planned: number, label: string) => void
  /** An operation has no request in flight any more: what was checked of it so far. */
  onOperationDone?: (operationId: string, checked: OperationProgress) => void
  log?: (line: string) => void
}

export interface OperationProgress {
  exchanges: number
  errors: number
  warnings: number
}

export interface VerifyOutcome {
  exchanges: CheckedExchange[]
  /** Set when the run could not be completed; its exchanges so far are still reported. */
  problem?: RunProblem
  /** Parts of the plan that did not run, and why. */
  skipped: SkippedPlan[]
}

export async function verifyGitlab(contract: Contract, client: HttpClient, options: VerifyOptions): Promise<VerifyOutcome> {
  const exchanges: CheckedExchange[] = []
  const skipped = plannedSkips(options)
  const maxPages = options.maxPages ?? 3
  const operations = new Map<string, OperationProgress & { inFlight: number }>()
  let planned = 0
  let done = 0

  const send = async (probe: Probe, unstoppable = false): Promise<Exchange> => {
    planned++
    const operation = operations.get(probe.operationId) ?? { inFlight: 0, exchanges: 0, errors: 0, warnings: 0 }
    operations.set(probe.operationId, operation)
    operation.inFlight++
    try {
      const exchange = { ...(await client.send(probe, unstoppable ? undefined : options.signal)), source: { kind: 'probe' as const, purpose: probe.purpose } }
      done++
      options.onProgress?.(done, planned, `${probe.method} ${probe.path} ${probe.purpose}`)
      for (const secret of tokensIn(exchange.response.body)) options.redactor.add(secret)
      const checked = checkExchange(contract, exchange, { strict: options.strict })
      exchanges.push(checked)
      operation.exchanges++
      operation.errors += checked.findings.filter((finding) => finding.severity === 'error').length
      operation.warnings += checked.findings.filter((finding) => finding.severity === 'warning').length
      return exchange
    } finally {
      if (--operation.inFlight === 0 && operation.exchanges > 0) {
        const { exchanges: count, errors, warnings } = operation
        options.onOperationDone?.(probe.operationId, { exchanges: count, errors, warnings })
      }
    }
  }
  const sendFollowing = async (probe: Probe): Promise<Exchange[]> => {
    const pages = [await send(probe)]
    let next = nextPageProbe(probe, pages[0]!.response.headers)
    while (next !== undefined && pages.length < maxPages) {
      const exchange = await send(next)
      pages.push(exchange)
      next = nextPageProbe(next, exchange.response.headers)
    }
    return pages
  }
  // Operations the judged release does not have are not asked for: their answers (404s) would only
  // count as traffic outside the Runners API. They are said once, under "Skipped".
  const absent = new Set<string>()
  const inRelease = (operationId: string): boolean => {
    if (contract.operations.has(operationId)) return true
    absent.add(operationId)
    return false
  }
  const stage = (probes: Probe[]) => Promise.all(probes.filter((probe) => inRelease(probe.operationId)).map(sendFollowing))
  const sayAbsent = () => {
    if (absent.size > 0) skipped.push({ plan: [...absent].join(', '), reason: `not in GitLab ${contract.profile.label} (not probed)`, asked: false })
  }

  try {
    const first = await send({ operationId: 'listRunners', method: 'GET', path: '/runners', query: { per_page: '1' }, purpose: 'credentials check' })
    const refused = credentialProblem(first)
    if (refused !== undefined) return { exchanges, problem: refused, skipped }

    const lists = (await stage(listProbes(options.target))).flat()
    const runners = pickRunners(lists.flatMap(runnersIn), options.maxRunners ?? 5)
    if (runners.length === 0) {
      skipped.push({ plan: 'runner details, jobs, managers and projects', reason: 'the runner lists showed no runner (only the refusals of unknown ids were checked)', asked: false })
    }
    const perRunner = await stage(runners.flatMap(runnerProbes))
    await stage([...learnedProbes(options.target, learn(perRunner.flat())), ...errorProbes(options.target), ...metadataProbes()])
    if (options.target.runnerToken !== undefined) {
      await send({ operationId: 'verifyRunner', method: 'POST', path: '/runners/verify', anonymous: true, body: { token: options.target.runnerToken }, purpose: 'the given runner token' })
    }
    if (options.writes) {
      const judged = { label: contract.profile.label, has: inRelease }
      const notDone = await writeRoundTrip(send, judged, options.target, options.log ?? (() => {}))
      if (notDone !== undefined) skipped.push({ plan: 'the write round trip (--writes)', reason: notDone, asked: true })
    }
    sayAbsent()
    return { exchanges, skipped }
  } catch (error) {
    sayAbsent()
    if (error instanceof TransportError) {
      const kind = error.failure === 'interrupted' ? 'interrupted' : 'connection'
      return { exchanges, problem: { kind, message: error.message }, skipped }
    }
    throw error
  }
}

/** What the options leave out of the plan, said up front so a reader knows what a clean report does not cover. */
function plannedSkips(options: VerifyOptions): SkippedPlan[] {
  const skipped: SkippedPlan[] = []
  if (options.target.project === undefined) skipped.push({ plan: "a project's runners", reason: 'no --project given', asked: false })
  if (options.target.group === undefined) skipped.push({ plan: "a group's runners", reason: 'no --group given', asked: false })
  if (!options.writes) skipped.push({ plan: 'the write round trip', reason: 'read-only run (add --writes to create, update and delete throw-away runners)', asked: false })
  return skipped
}

function credentialProblem(exchange: Exchange): RunProblem | undefined {
  const { status, headers } = exchange.response
  if (status === 401) return { kind: 'authentication', message: 'GitLab refused the token (401 on GET /runners): check --token and that it is not expired or revoked' }
  if (status === 403) return { kind: 'authentication', message: 'The token lacks a scope for GET /runners (403): use a token with api or read_api' }
  if (status === 404 || !(headers['content-type'] ?? '').includes('json')) {
    return { kind: 'usage', message: `GET /runners answered ${status} ${headers['content-type'] ?? 'without a content type'}: is --base-url GitLab's API root, ending in /api/v4?` }
  }
  return undefined
}

function runnersIn(exchange: Exchange): RunnerFacts[] {
  const body = exchange.response.body
  if (exchange.response.status !== 200 || !Array.isArray(body)) return []
  return body.flatMap((item: unknown) => {
    if (!isRecord(item) || typeof item.id !== 'number') return []
    return [{ id: item.id, runnerType: typeof item.runner_type === 'string' ? item.runner_type : 'unknown' }]
  })
}

function learn(exchanges: Exchange[]): LearnedFacts {
  const facts: LearnedFacts = { tags: [], versions: [], systemIds: new Map() }
  for (const exchange of exchanges) {
    const { status, body } = exchange.response
    if (status !== 200) continue
    const path = new URL(exchange.request.url).pathname
    const managers = /\/runners\/(\d+)\/managers$/.exec(path)
    if (managers?.[1] !== undefined && Array.isArray(body)) {
      const ids = body.flatMap((manager: unknown) => (isRecord(manager) && typeof manager.system_id === 'string' ? [manager.system_id] : []))
      facts.systemIds.set(Number(managers[1]), ids)
    } else if (isRecord(body) && Array.isArray(body.tag_list)) {
      facts.tags.push(...body.tag_list.filter((tag): tag is string => typeof tag === 'string'))
      if (typeof body.version === 'string' && /^\d+\.\d+/.test(body.version)) facts.versions.push(body.version)
    }
  }
  return facts
}

// Tokens GitLab issues during the run (registration, reset) are secrets from the moment they arrive.
function tokensIn(body: unknown): string[] {
  return isRecord(body) && typeof body.token === 'string' ? [body.token] : []
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
