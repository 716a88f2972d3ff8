// The last stage of every request: check the reply against our own contract, then send it.
// A reply that breaks the contract is the mock's bug: strict mode answers a loud 500, log mode warns.
import type { ServerResponse } from 'node:http'
import { validateReply, type Contract, type Operation } from '../contract/index.js'
import { selfCheckFailed } from './errors.js'
import { WrittenJson } from './kept-texts.js'
import { shapeOf } from './serialize.js'
import type { SelfCheckFailure, SelfCheckMode } from './self-check.js'

export interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export type { SelfCheckFailure, SelfCheckMode } from './self-check.js'

/**
 * A reply as it goes on the wire: its headers include the content type of a JSON body. Whoever
 * journals it keeps this very object (nothing copies it again), so nobody may change it after `send`.
 */
export interface SentReply extends Reply {
  headers: Record<string, string>
  /** What the self-check found wrong with the handler's reply; absent when nothing. */
  findings?: string[]
  /**
   * The body as sent, JSON text. Whoever keeps replies (the journal) keeps this one string rather
   * than the body's objects, which would make every young-generation GC copy them.
   */
  text?: string
  /** The body's UTF-8 bytes when they were sent as kept bytes (a page): the journal copies these as they are. */
  bytes?: Buffer
}

// The headers of most replies, made once: nobody changes a sent reply's headers (see SentReply).
const NO_HEADERS: Record<string, string> = Object.freeze({}) as Record<string, string>
const JSON_HEADERS: Record<string, string> = Object.freeze({ 'content-type': 'application/json' }) as Record<string, string>

function asSent(reply: Reply): SentReply {
  if (reply.body === undefined) return { status: reply.status, headers: reply.headers ?? NO_HEADERS }
  if (reply.headers === undefined) return { status: reply.status, headers: JSON_HEADERS, body: reply.body }
  // A copy: the reply's headers may be shared (a replayed exchange's, a fault's).
  const headers: Record<string, string> = {}
  for (const name in reply.headers) headers[name] = reply.headers[name]!
  headers['content-type'] = 'application/json'
  return { status: reply.status, headers, body: reply.body }
}

/**
 * The headers for the wire: the sent ones and the body's length (kept out of the journal's copy). Not
 * `{ ...headers, 'content-length': n }`: on Node 20 a spread followed by more keys takes V8's slow
 * path, about 1 µs a reply.
 */
function withLength(headers: Record<string, string>, length: number): Record<string, string | number> {
  const all: Record<string, string | number> = {}
  for (const name in headers) all[name] = headers[name]!
  all['content-length'] = length
  return all
}

export interface Responder {
  /** Checks and writes the reply; returns what went on the wire (the failing reply's 500 in strict mode). */
  send(res: ServerResponse, operation: Operation | undefined, reply: Reply): SentReply
  /** Every self-check failure since start: tests assert this stays empty. */
  readonly failures: SelfCheckFailure[]
}

export function createResponder(contract: Contract, mode: SelfCheckMode, log: (line: string) => void): Responder {
  const failures: SelfCheckFailure[] = []
  return {
    failures,
    send(res, operation, reply) {
      let sent = asSent(reply)
      if (operation) {
        // Status, headers and content type always; the body unless the serializer built it as the
        // entity this response documents (README "What the self-check checks").
        const violations = validateReply(contract.document, operation, sent.status, sent.headers, sent.body, shapeOf(sent.body))
        if (violations.length > 0) {
          const problems = violations.map((v) => `${v.where} ${v.instancePath || '/'}: ${v.message}`)
          failures.push({ operationId: operation.operationId, status: reply.status, problems })
          log(`self-check: ${operation.operationId} ${reply.status} does not match the contract: ${problems.join('; ')}`)
          if (mode === 'strict') sent = asSent(selfCheckFailed(operation.operationId, reply.status, problems))
          sent.findings = problems
        }
      }
      // Straight to Node: Express's res.send costs a fifth of a request and adds nothing we need. A body
      // the serializer wrote as text already (a page of runners) goes as it is.
      const { body } = sent
      if (body instanceof WrittenJson) {
        // Its bytes, encoded once for a page sent again.
        const { bytes } = body
        sent.text = body.text
        sent.bytes = bytes
        res.writeHead(sent.status, withLength(sent.headers, bytes.length))
        res.end(bytes)
        return sent
      }
      const json = body === undefined ? undefined : JSON.stringify(body)
      if (json !== undefined) sent.text = json
      res.writeHead(sent.status, json === undefined ? sent.headers : withLength(sent.headers, Buffer.byteLength(json)))
      res.end(json)
      return sent
    },
  }
}
