// The requests the side-by-side benchmark sends, and how each target spells them (prefix, Prism's Prefer).

export const ADMIN_TOKEN = 'glpat-admin-0000000000000'

export interface Workload {
  name: string
  method: 'GET' | 'PUT'
  /** Path under the API prefix, with its query. */
  path: string
  body?: string
  /** The status the mock answers; Prism is told to pick the same one, since it has no state to find it in. */
  status: number
}

/** Runner 5 and 7 exist in every generated world (ids count up from the administrator's world). */
export const WORKLOADS: readonly Workload[] = [
  { name: 'list runners', method: 'GET', path: '/runners/all?per_page=20&page=3', status: 200 },
  { name: 'runner details', method: 'GET', path: '/runners/5', status: 200 },
  {
    name: 'update runner',
    method: 'PUT',
    path: '/runners/7',
    body: JSON.stringify({ description: 'bench-updated', tag_list: ['linux', 'docker'], maximum_timeout: 3600 }),
    status: 200,
  },
  { name: 'runner jobs', method: 'GET', path: '/runners/5/jobs?per_page=20', status: 200 },
  { name: 'unknown runner (404)', method: 'GET', path: '/runners/999999', status: 404 },
]

export interface RequestShape {
  method: 'GET' | 'PUT'
  path: string
  headers: Record<string, string>
  body?: string
}

/**
 * The request for one workload on a target. Prism serves the spec's paths without the server prefix,
 * and without state it would answer 200 for any id: `Prefer: code=404` asks for the spec's 404 example.
 */
export function requestFor(workload: Workload, target: { pathPrefix: string; prefersStatus: boolean }): RequestShape {
  const headers: Record<string, string> = { 'private-token': ADMIN_TOKEN }
  if (workload.body !== undefined) headers['content-type'] = 'application/json'
  if (target.prefersStatus && workload.status !== 200) headers['prefer'] = `code=${workload.status}`
  return {
    method: workload.method,
    path: `${target.pathPrefix}${workload.path}`,
    headers,
    ...(workload.body === undefined ? {} : { body: workload.body }),
  }
}
