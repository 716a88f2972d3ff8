// The --writes round trip on throw-away runners: create, verify, update, pause, reset the token, assign and
// unassign, delete. Whatever happens (a refusal, a dropped connection, Ctrl-C), every runner it created is deleted.

import type { Exchange } from './exchange.js'
import type { PlanTarget, Probe } from './plan.js'

export interface WriteTarget extends PlanTarget {
  /** Register through POST /runners with this registration token instead of POST /user/runners. */
  registrationToken?: string
  /** A runner authentication token to verify (POST /runners/verify). */
  runnerToken?: string
}

/** Sends a probe; `unstoppable` ones run to the end even after Ctrl-C (creations, so we learn what to delete, and cleanup). */
export type SendProbe = (probe: Probe, unstoppable?: boolean) => Promise<Exchange>

/** The judged GitLab release: `has` answers whether it has an operation (the caller notes the ones it lacks, to say them once under Skipped). */
export interface JudgedRelease {
  label: string
  has(operationId: string): boolean
}

interface ThrowAway {
  id: number
  token: string
  deleted: boolean
}

// Recognisable in GitLab's UI should cleanup ever be impossible (e.g. the connection died for good).
export const THROW_AWAY_DESCRIPTION = 'gitlab-runners-mock drift probe (safe to delete)'
const THROW_AWAY_TAG = 'gitlab-runners-mock-drift'

/** Runs the round trip; answers why it could not, when GitLab refused to create the first throw-away runner. */
export async function writeRoundTrip(send: SendProbe, release: JudgedRelease, target: WriteTarget, log: (line: string) => void): Promise<string | undefined> {
  const created: ThrowAway[] = []
  // Steps the release lacks (token resets before 15.x, say) are left out; the round trip goes on without them.
  const sendIfPresent = async (probe: Probe): Promise<Exchange | undefined> => (release.has(probe.operationId) ? send(probe) : undefined)
  try {
    const runner = await create(send, release, target, 'round trip')
    if (typeof runner === 'string') return runner
    created.push(runner)
    const path = `/runners/${runner.id}`

    await send({ operationId: 'verifyRunner', method: 'POST', path: '/runners/verify', anonymous: true, body: { token: runner.token }, purpose: 'verify the throw-away runner' })
    await send({ operationId: 'getRunner', method: 'GET', path, purpose: 'details of the throw-away runner' })
    await send({ operationId: 'updateRunner', method: 'PUT', path, body: { description: `${THROW_AWAY_DESCRIPTION}, updated`, tag_list: [THROW_AWAY_TAG, 'second'], maximum_timeout: 3600 }, purpose: 'update' })
    await send({ operationId: 'updateRunner', method: 'PUT', path, body: { paused: true }, purpose: 'pause' })
    await send({ operationId: 'updateRunner', method: 'PUT', path, body: {}, purpose: 'no attribute (400)' })
    await send({ operationId: 'updateRunner', method: 'PUT', path, body: { active: true, paused: true }, purpose: 'active with paused (400)' })
    await send({ operationId: 'updateRunner', method: 'PUT', path, body: { maximum_timeout: 60 }, purpose: 'timeout below 10 minutes (400)' })

    const reset = await sendIfPresent({ operationId: 'resetRunnerAuthenticationToken', method: 'POST', path: `${path}/reset_authentication_token`, purpose: 'reset the token' })
    runner.token = tokenOf(reset) ?? runner.token
    const resetByToken = await sendIfPresent({ operationId: 'resetRunnerAuthenticationTokenByToken', method: 'POST', path: '/runners/reset_authentication_token', anonymous: true, body: { token: runner.token }, purpose: 'reset the token with the token' })
    runner.token = tokenOf(resetByToken) ?? runner.token

    if (target.project !== undefined) {
      const project = `/projects/${encodeURIComponent(target.project)}/runners`
      const assigned = await send({ operationId: 'assignProjectRunner', method: 'POST', path: project, body: { runner_id: runner.id }, purpose: 'assign to the project' })
      // A runner created in this very project is already assigned (400) and cannot leave its owner project (403).
      if (assigned.response.status === 201) {
        await send({ operationId: 'unassignProjectRunner', method: 'DELETE', path: `${project}/${runner.id}`, purpose: 'unassign from the project' })
      }
    }

    const deleted = await send({ operationId: 'deleteRunner', method: 'DELETE', path, purpose: 'delete the throw-away runner' })
    runner.deleted = deleted.response.status === 204
    await send({ operationId: 'getRunner', method: 'GET', path, purpose: 'the deleted runner (404)' })

    const second = await create(send, release, target, 'deleted by token')
    if (typeof second === 'string') return `${second} (the second throw-away runner, to delete by its token)`
    created.push(second)
    const byToken = await send({ operationId: 'deleteRunnerByToken', method: 'DELETE', path: '/runners', anonymous: true, body: { token: second.token }, purpose: 'delete with its token' })
    second.deleted = byToken.response.status === 204
    return undefined
  } finally {
    await cleanUp(send, created, log)
  }
}

/** The created runner, or why there is none. */
async function create(send: SendProbe, release: JudgedRelease, target: WriteTarget, purpose: string): Promise<ThrowAway | string> {
  if (target.registrationToken === undefined && !release.has('createUserRunner')) return `GitLab ${release.label} has no POST /user/runners: give --registration-token to register the throw-away runners`
  const settings = { description: THROW_AWAY_DESCRIPTION, paused: true, tag_list: [THROW_AWAY_TAG], run_untagged: false }
  const exchange =
    target.registrationToken !== undefined
      ? await send({ operationId: 'registerRunner', method: 'POST', path: '/runners', anonymous: true, body: { token: target.registrationToken, ...settings }, purpose: `register (${purpose})` }, true)
      : await send({ operationId: 'createUserRunner', method: 'POST', path: '/user/runners', body: { ...ownerOf(target), ...settings }, purpose: `create (${purpose})` }, true)
  const { status, body } = exchange.response
  if (status === 201 && isRecord(body) && typeof body.id === 'number' && typeof body.token === 'string') return { id: body.id, token: body.token, deleted: false }
  const call = `${exchange.request.method} ${new URL(exchange.request.url).pathname}`
  if (status === 401 || status === 403) {
    const why = target.registrationToken === undefined ? 'the token cannot create runners (it needs the api scope and the right to own runners there: admin for instance runners, Maintainer for --project, Owner for --group)' : 'GitLab refused --registration-token'
    return `${call} answered ${status}: ${why}`
  }
  return `${call} answered ${status} without a runner id and token, so nothing could be written`
}

// A numeric --project or --group makes a runner owned there; otherwise an instance runner, which needs an admin.
function ownerOf(target: WriteTarget): Record<string, unknown> {
  if (target.project !== undefined && /^\d+$/.test(target.project)) return { runner_type: 'project_type', project_id: Number(target.project) }
  if (target.group !== undefined && /^\d+$/.test(target.group)) return { runner_type: 'group_type', group_id: Number(target.group) }
  return { runner_type: 'instance_type' }
}

async function cleanUp(send: SendProbe, created: ThrowAway[], log: (line: string) => void): Promise<void> {
  for (const runner of created.filter((item) => !item.deleted)) {
    try {
      const byId = await send({ operationId: 'deleteRunner', method: 'DELETE', path: `/runners/${runner.id}`, purpose: 'clean up' }, true)
      if (byId.response.status === 204 || byId.response.status === 404) {
        runner.deleted = true
        log(`cleaned up throw-away runner ${runner.id}`)
        continue
      }
      // Our user may lack the right while the runner itself may still leave: its own token deletes it.
      const byToken = await send({ operationId: 'deleteRunnerByToken', method: 'DELETE', path: '/runners', anonymous: true, body: { token: runner.token }, purpose: 'clean up by token' }, true)
      runner.deleted = byToken.response.status === 204
    } catch (error) {
      log(`could not delete throw-away runner ${runner.id}: ${error instanceof Error ? error.message : String(error)}`)
    }
    if (!runner.deleted) log(`throw-away runner ${runner.id} ("${THROW_AWAY_DESCRIPTION}") is left on GitLab: delete it by hand`)
  }
}

function tokenOf(exchange: Exchange | undefined): string | undefined {
  if (exchange === undefined) return undefined
  const body = exchange.response.body
  return exchange.response.status === 201 && isRecord(body) && typeof body.token === 'string' ? body.token : undefined
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
