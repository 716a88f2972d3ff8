// Writes a refusal made before a request entered a scope (the Host, CORS and Origin checks, a bad
// session id, all sessions busy): the one place its bytes are put together, so what the journal and
// the request log are handed (`ServerHooks.refused`) is exactly what went out.
import type { ServerResponse } from 'node:http'
import type { ErrorReply } from './errors.js'
import type { SentRefusal } from './hooks.js'

/** JSON with its charset by default; the Host and Origin refusals have always said plain `application/json`. */
export function sendRefusal(res: ServerResponse, reply: ErrorReply, contentType = 'application/json; charset=utf-8'): SentRefusal {
  const text = JSON.stringify(reply.body)
  const headers = { ...reply.headers, 'Content-Type': contentType, 'Content-Length': String(Buffer.byteLength(text)) }
  res.writeHead(reply.status, headers)
  res.end(text)
  return { code: reply.code, headers, text }
}
