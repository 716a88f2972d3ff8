// The one adapter over @stoplight/prism-http: Prism's own output validator as an independent second
// opinion on a response. fp-ts and Prism's types stay in this file; callers get plain strings.
import { getHttpOperationsFromSpec } from '@stoplight/prism-http'
import { validateOutput } from '@stoplight/prism-http/dist/validator/index.js'
import type { Contract } from './load.js'
import { findOperation } from './operations.js'

export interface PrismExchange {
  method: string
  /** The request path, with or without the server base (`/api/v4/runners/12`). */
  path: string
  status: number
  headers: Record<string, string | undefined>
  body: unknown
}

// Prism's operation type, without depending on its @stoplight/types package directly.
type PrismOperations = ReturnType<typeof getHttpOperationsFromSpec>

const prismOperations = new WeakMap<Contract, PrismOperations>()

/** Prism's complaints about one response, one line each; `[]` when Prism accepts it. */
export async function prismViolations(contract: Contract, exchange: PrismExchange): Promise<string[]> {
  const match = findOperation(contract, exchange.method, exchange.path)
  if (match === undefined) return [`no operation of the contract serves ${exchange.method.toUpperCase()} ${exchange.path}`]
  let loading = prismOperations.get(contract)
  if (loading === undefined) {
    // Prism's $ref parser dereferences in place; give it a copy of the document as written.
    loading = getHttpOperationsFromSpec(structuredClone(contract.document))
    prismOperations.set(contract, loading)
  }
  const operations = await loading
  const { operation } = match
  const resource = operations.find((candidate) => candidate.method.toLowerCase() === operation.method && candidate.path === operation.path)
  if (resource === undefined) return [`Prism found no operation for ${operation.method.toUpperCase()} ${operation.path}`]
  const headers = Object.fromEntries(Object.entries(exchange.headers).filter((entry): entry is [string, string] => entry[1] !== undefined))
  const result = validateOutput({ resource, element: { statusCode: exchange.status, headers, body: exchange.body } })
  if (result._tag === 'Right') return []
  // Prism reads an empty header value as a missing header; GitLab sends `X-Next-Page: ""` on the
  // last page on purpose (reference §1.8), so those complaints are Prism's, not the response's.
  const presentButEmpty = new Set(Object.entries(headers).filter(([, value]) => value === '').map(([name]) => name.toLowerCase()))
  const real = result.left.filter((diagnostic) => {
    const missing = /required property '([^']+)'/.exec(diagnostic.message)?.[1]
    return !(missing !== undefined && diagnostic.path?.[0] === 'header' && presentButEmpty.has(missing.toLowerCase()))
  })
  return real.map((diagnostic) => {
    const where = diagnostic.path && diagnostic.path.length > 0 ? `${diagnostic.path.join('.')}: ` : ''
    return `${operation.operationId} ${exchange.status} ${where}${diagnostic.message}`
  })
}
