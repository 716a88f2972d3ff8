// Checking one exchange against the contract: which operation it was, and what GitLab's answer breaks.
// The same function serves verify, validate and the proxy, so all three agree on what drift is.

import type { Contract } from '../contract/index.js'
import type { Exchange } from './exchange.js'
import { classifyViolation, type ClassifyOptions } from './findings.js'
import { apiPath } from './recording.js'
import type { CheckedExchange, OperationRef } from './report/model.js'

export function checkExchange(contract: Contract, exchange: Exchange, options: ClassifyOptions): CheckedExchange {
  const method = exchange.request.method.toUpperCase()
  const path = new URL(exchange.request.url).pathname
  const status = exchange.response.status
  const match = contract.findOperation(method, apiPath(path))
  // Outside the Runners API (or a wrong method, which GitLab answers 404 like an unknown path): nothing to check.
  if (match === undefined) return { operationId: undefined, method, path, status, findings: [] }
  const violations = contract.validateResponse(match.operation, status, exchange.response.headers, exchange.response.body)
  return {
    operationId: match.operation.operationId,
    method,
    path,
    status,
    findings: violations.map((violation) => classifyViolation(violation, { method, path }, options)),
  }
}

/** Every documented operation in contract order, for the report's "not reached" list. */
export function documentedOperations(contract: Contract): OperationRef[] {
  return [...contract.operations.values()].map((op) => ({ operationId: op.operationId, method: op.method.toUpperCase(), path: op.path }))
}
