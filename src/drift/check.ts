// Checking one exchange against the contract: which operation it was, and what GitLab's answer breaks.
// The same function serves verify, validate and the proxy, so all three agree on what drift is.

import type { Contract } from '../contract/index.js'
import { closestAlternatives } from './alternatives.js'
import type { Exchange } from './exchange.js'
import { classifyViolation, withoutRepeats, type ClassifyOptions } from './findings.js'
import { requestHeaderViolations } from './header-rules.js'
import { apiPath } from './recording.js'
import type { CheckedExchange, OperationRef } from './report/model.js'
import { releaseOf, windowNotes } from './windows.js'

export function checkExchange(contract: Contract, exchange: Exchange, options: ClassifyOptions): CheckedExchange {
  const method = exchange.request.method.toUpperCase()
  const url = new URL(exchange.request.url)
  const path = url.pathname
  const status = exchange.response.status
  const where = { method, path, ...(url.search === '' ? {} : { query: url.search }), status, ...(exchange.source === undefined ? {} : { source: exchange.source }) }
  const match = contract.findOperation(method, apiPath(path))
  // Outside the Runners API (or a wrong method, which GitLab answers 404 like an unknown path): nothing to check.
  if (match === undefined) return { operationId: undefined, ...where, findings: [] }
  const { operationId } = match.operation
  const violations = [
    ...closestAlternatives(contract.validateResponse(match.operation, status, exchange.response.headers, exchange.response.body)),
    ...requestHeaderViolations(operationId, url, status, exchange.response.headers),
  ]
  const findings = withoutRepeats(violations.map((violation) => classifyViolation(violation, { method, path }, options)))
  findings.push(...windowNotes(contract, match.operation, exchange, findings))
  const judgedAgainst = releaseOf(contract)
  return { operationId, ...where, findings: judgedAgainst === undefined ? findings : findings.map((finding) => ({ ...finding, judgedAgainst })) }
}

/** Every documented operation in contract order, for the report's "not reached" list. */
export function documentedOperations(contract: Contract): OperationRef[] {
  return [...contract.operations.values()].map((op) => ({ operationId: op.operationId, method: op.method.toUpperCase(), path: op.path }))
}
