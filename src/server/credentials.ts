// Finds the caller's token where GitLab looks for it (reference §1.3), in GitLab's order: the
// private_token parameter (query, then body), the PRIVATE-TOKEN header, an Authorization: Bearer
// header. Checking it is the store's job.
import type { IncomingHttpHeaders } from 'node:http'
import type { RawParams } from './input.js'

export function findUserToken(headers: IncomingHttpHeaders, query: RawParams, body?: Record<string, unknown>): string | undefined {
  // The parameter first, then the header, then Bearer: GitLab's find_personal_access_token
  // (`params[:private_token].presence || env['HTTP_PRIVATE_TOKEN'].presence || parsed_oauth_token`).
  // Rails' params are the body's parameters merged under the query's: the query's wins.
  const fromQuery = query.private_token
  if (typeof fromQuery === 'string' && fromQuery !== '') return fromQuery
  const fromBody = body?.['private_token']
  if (typeof fromBody === 'string' && fromBody !== '') return fromBody
  const header = headers['private-token']
  if (typeof header === 'string' && header !== '') return header
  const authorization = headers.authorization
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim())
    if (match) return match[1]
  }
  return undefined
}
