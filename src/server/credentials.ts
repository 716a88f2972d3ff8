// Finds the caller's token where GitLab looks for it (reference §1.3): the PRIVATE-TOKEN header, the
// private_token query parameter, or an Authorization: Bearer header. Checking it is the store's job.
import type { IncomingHttpHeaders } from 'node:http'
import type { RawParams } from './input.js'

export function findUserToken(headers: IncomingHttpHeaders, query: RawParams): string | undefined {
  const header = headers['private-token']
  if (typeof header === 'string' && header !== '') return header
  const fromQuery = query.private_token
  if (typeof fromQuery === 'string' && fromQuery !== '') return fromQuery
  const authorization = headers.authorization
  if (typeof authorization === 'string') {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim())
    if (match) return match[1]
  }
  return undefined
}
