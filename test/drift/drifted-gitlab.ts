// A GitLab that has drifted from the contract in one way per finding class, at known places.
import type { FakeRequest, Reply } from './fake-gitlab.js'

/** GitLab before 13.0 showed the runner's token in its details. */
export const LEGACY_DETAILS_TOKEN = '9f8e7d6c5b4a39281706f5e4d3c2b1'

export function drift(req: FakeRequest, reply: Reply): Reply {
  if (req.operationId === 'listRunners' && reply.status === 200 && Array.isArray(reply.body) && reply.body.length > 0) {
    const [first, ...rest] = reply.body as Record<string, unknown>[]
    return { ...reply, headers: { ...reply.headers, 'x-page': 'one' }, body: [{ ...first, runner_type: 'cloud_type' }, ...rest] }
  }
  // What a GitLab before 15.0 sends: the contract's version facts should explain it.
  if (req.operationId === 'listAllRunners' && reply.status === 200 && Array.isArray(reply.body) && reply.body.length > 0) {
    const [first, ...rest] = reply.body as Record<string, unknown>[]
    return { ...reply, body: [{ ...first, status: 'not_connected' }, ...rest] }
  }
  if (req.operationId === 'getRunner' && reply.status === 200) {
    const body = Object.fromEntries(Object.entries(reply.body as Record<string, unknown>).filter(([key]) => key !== 'status'))
    return { ...reply, body: { ...body, maximum_timeout: '3600', paused: null, new_field: true, token: LEGACY_DETAILS_TOKEN } }
  }
  if (req.operationId === 'getRunner' && reply.status === 404) return { ...reply, status: 409 }
  if (req.operationId === 'listRunnerManagers' && reply.status === 404) return { status: 404, headers: { 'content-type': 'text/html' }, body: '<html>Not Found</html>' }
  return reply
}
