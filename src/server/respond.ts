// The last stage of every request: check the reply against our own contract, then send it.
// A reply that breaks the contract is the mock's bug: strict mode answers a loud 500, log mode warns.
import type { Response } from 'express'
import type { Contract, Operation } from '../contract/index.js'
import { selfCheckFailed } from './errors.js'

export interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export type SelfCheckMode = 'strict' | 'log'

export interface SelfCheckFailure {
  operationId: string
  status: number
  problems: string[]
}

export interface Responder {
  send(res: Response, operation: Operation | undefined, reply: Reply): Reply
  /** Every self-check failure since start: tests assert this stays empty. */
  readonly failures: SelfCheckFailure[]
}

export function createResponder(contract: Contract, mode: SelfCheckMode, log: (line: string) => void): Responder {
  const failures: SelfCheckFailure[] = []
  return {
    failures,
    send(res, operation, reply) {
      let sent = reply
      if (operation) {
        const headers = { ...reply.headers, ...(reply.body === undefined ? {} : { 'content-type': 'application/json' }) }
        const violations = contract.validateResponse(operation, reply.status, headers, reply.body)
        if (violations.length > 0) {
          const problems = violations.map((v) => `${v.where} ${v.instancePath || '/'}: ${v.message}`)
          failures.push({ operationId: operation.operationId, status: reply.status, problems })
          log(`self-check: ${operation.operationId} ${reply.status} does not match the contract: ${problems.join('; ')}`)
          if (mode === 'strict') sent = selfCheckFailed(operation.operationId, reply.status, problems)
        }
      }
      // Straight to Node: Express's res.send costs a fifth of a request and adds nothing we need.
      const json = sent.body === undefined ? undefined : JSON.stringify(sent.body)
      const headers: Record<string, string | number> = { ...sent.headers }
      if (json !== undefined) {
        headers['Content-Type'] = 'application/json'
        headers['Content-Length'] = Buffer.byteLength(json)
      }
      res.writeHead(sent.status, headers)
      res.end(json)
      return sent
    },
  }
}
