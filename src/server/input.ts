// Turns an HTTP request into the raw parameter sets the contract validates: query, body and headers
// as plain data. Parsing lives here because Express 5's default parser builds no `tag_list[]` arrays
// and GitLab takes JSON, urlencoded and multipart bodies alike (reference §1.1).
import type { IncomingMessage } from 'node:http'
import { formParams, multipartParams, type FormParams } from '../contract/form-params.js'
import { bodyTooLarge, malformedBody, unsupportedContentType, type ErrorReply } from './errors.js'

export type RawParams = FormParams

export interface RawInput {
  query: RawParams
  body: Record<string, unknown> | undefined
}

export class InputError extends Error {
  constructor(readonly reply: ErrorReply) {
    super(JSON.stringify(reply.body))
  }
}

/** Query strings: repeated keys and `key[]` both make arrays, as Rack builds them. */
export function parseQuery(search: string): RawParams {
  return formParams(new URLSearchParams(search).entries())
}

/** Which bodies an API takes: GitLab's takes JSON, forms and text; the control API JSON only. */
export type BodyKinds = 'gitlab' | 'json'

/** Whether the request comes with a body to read (every GET comes without). */
export function carriesBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length']
  if (length === undefined) return req.headers['transfer-encoding'] !== undefined
  return length !== '0'
}

export async function readBody(req: IncomingMessage, limitBytes: number, kinds: BodyKinds = 'gitlab'): Promise<Record<string, unknown> | undefined> {
  // Most requests (every GET) carry no body at all: no stream to wait for.
  if (!carriesBody(req)) return undefined
  const contentType = req.headers['content-type'] ?? ''
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase()
  const json = mediaType === 'application/json' || mediaType.endsWith('+json')
  // Judged on the headers, before a byte is read: a body nobody will parse is not worth buffering.
  if (!json && (kinds === 'json' || !GITLAB_MEDIA_TYPES.has(mediaType))) throw new InputError(unsupportedContentType(mediaType))
  const bytes = await readBytes(req, limitBytes)
  if (bytes.length === 0) return undefined
  if (json) return parseJson(bytes)
  if (mediaType === 'application/x-www-form-urlencoded') {
    return formParams(new URLSearchParams(bytes.toString('utf8')).entries())
  }
  if (mediaType === 'multipart/form-data') return parseMultipart(bytes, contentType)
  // GitLab declares text/plain too; a text body carries no parameters.
  return undefined
}

const GITLAB_MEDIA_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain', ''])

function readBytes(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0)
  // Refuse before reading what we would throw away anyway.
  if (declared > limitBytes) return Promise.reject(new InputError(bodyTooLarge(limitBytes)))
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limitBytes) {
        req.removeAllListeners('data')
        req.resume()
        reject(new InputError(bodyTooLarge(limitBytes)))
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    // A client that went away mid-body hears nothing; this only keeps the failure out of the error log.
    req.on('error', () => reject(new InputError(malformedBody)))
  })
}

// Ruby's JSON parser refuses documents nested deeper than this (max_nesting), and Grape answers its
// error as any other unparsable body. Deeper values would overflow our recursive walks (coercion,
// validation, the journal) further down.
const MAX_JSON_DEPTH = 100

function parseJson(bytes: Buffer): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(bytes.toString('utf8'))
  } catch {
    throw new InputError(malformedBody)
  }
  // Grape takes top-level objects as parameter sets; any other JSON value carries none it can name.
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new InputError(malformedBody)
  if (depthExceeds(value, MAX_JSON_DEPTH)) throw new InputError(malformedBody)
  return value as Record<string, unknown>
}

/** Whether arrays and objects nest deeper than `limit`, walked without recursion. */
function depthExceeds(root: object, limit: number): boolean {
  const stack: Array<[unknown, number]> = [[root, 1]]
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!
    if (value === null || typeof value !== 'object') continue
    if (depth > limit) return true
    for (const child of Object.values(value)) stack.push([child, depth + 1])
  }
  return false
}

async function parseMultipart(bytes: Buffer, contentType: string): Promise<Record<string, unknown>> {
  try {
    return await multipartParams(bytes, contentType)
  } catch {
    throw new InputError(malformedBody)
  }
}
