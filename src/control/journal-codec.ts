// A served request as the journal stores it: its strings as bytes, read back exactly as they were.
// Each string is a 4-byte header (its length and how it is encoded, or ABSENT) then its characters:
// one byte each for ASCII (nearly everything: paths, tokens, JSON replies), two (UTF-16) otherwise,
// so every JavaScript string comes back unchanged, lone surrogates included. Parsed values (the
// request body, the reply) are kept as their JSON text; a reply sent as kept UTF-8 bytes (a page of
// runners) is copied as those bytes, which is its JSON text exactly (JSON escapes lone surrogates).
import type { IncomingHttpHeaders } from 'node:http'

/** What the pipeline hands the journal: the request as served, by reference. */
export interface ServedRequest {
  /** Epoch milliseconds by the wall clock. */
  readonly at: number
  readonly method: string
  readonly originalUrl: string
  /** 0 when the connection was dropped before an answer. */
  readonly status: number
  readonly durationMs: number
  readonly operationId?: string | undefined
  readonly headers: IncomingHttpHeaders
  readonly body?: unknown
  /** The reply as sent; `text`, when there, is its body as the JSON sent, `bytes` that JSON's UTF-8. */
  readonly response?: { headers: Record<string, string>; body?: unknown; text?: string; bytes?: Buffer } | undefined
  readonly fault?: string | undefined
  readonly username?: string | undefined
  readonly findings?: readonly string[] | undefined
  /** Why the request was refused before it entered a scope (`site_refused`, `invalid_session`…). */
  readonly refusal?: string | undefined
}

/** A served request read back from its bytes: nothing redacted yet (the journal redacts on read). */
export interface StoredRequest {
  method: string
  originalUrl: string
  operationId: string | undefined
  /** The request headers worth keeping that were sent, in KEPT_HEADERS order. */
  headers: Record<string, string>
  body: unknown
  response: { headers: Record<string, string>; body: unknown } | undefined
  fault: string | undefined
  username: string | undefined
  findings: string[]
  refusal: string | undefined
}

// Request headers worth seeing in the journal; the credentials among them are masked on read.
export const KEPT_HEADERS = ['private-token', 'authorization', 'job-token', 'content-type', 'sudo', 'if-unmodified-since', 'x-mock-session'] as const

const ABSENT = 0xffffffff
// Flags of a string's header; the rest is its length (in UTF-16 units, or bytes for UTF8).
const WIDE = 0x80000000
const UTF8 = 0x40000000
const LENGTH = 0x3fffffff

// Most strings of an entry are short (method, operation, header names and values, user): looked at
// and copied character by character in JavaScript, which is quicker than a call into Node for each.
const SHORT = 64
// The scratch buffer an entry is written into first grows to the largest entry; past this it is let go after use.
const SCRATCH_KEPT = 1024 * 1024

/**
 * Writes an entry's fields, in order, into a scratch buffer in one pass (its size is known only at
 * the end): the journal then copies those bytes into its ring, where the size decides what is evicted.
 */
class Writer {
  buffer: Buffer = Buffer.allocUnsafeSlow(16 * 1024)
  at = 0

  string(value: string | undefined): void {
    if (value === undefined) {
      this.count(ABSENT)
      return
    }
    const { length } = value
    // Room for the worst case: three UTF-8 bytes a UTF-16 unit.
    this.reserve(4 + 3 * length)
    const start = this.at + 4
    const { buffer } = this
    let ascii = true
    if (length <= SHORT) {
      for (let i = 0; i < length; i++) {
        const code = value.charCodeAt(i)
        if (code > 0x7f) {
          ascii = false
          break
        }
        buffer[start + i] = code
      }
    } else {
      // UTF-8 takes one byte a unit exactly when every unit is ASCII: one call writes and tells.
      ascii = buffer.write(value, start, 'utf8') === length
    }
    if (ascii) {
      buffer.writeUInt32LE(length, this.at)
      this.at = start + length
    } else {
      buffer.writeUInt32LE((length | WIDE) >>> 0, this.at)
      this.at = start + buffer.write(value, start, 2 * length, 'utf16le')
    }
  }

  /** A JSON text given as its UTF-8 bytes. */
  utf8(value: Buffer): void {
    this.reserve(4 + value.length)
    this.count((value.length | UTF8) >>> 0)
    this.at += value.copy(this.buffer, this.at)
  }

  count(value: number): void {
    this.reserve(4)
    this.at = this.buffer.writeUInt32LE(value, this.at)
  }

  /** Its names and values in order, or ABSENT. */
  record(value: Record<string, string> | undefined): void {
    if (value === undefined) {
      this.count(ABSENT)
      return
    }
    // The count goes first but is known last: its place is kept and written once the pairs are.
    this.reserve(4)
    const countAt = this.at
    this.at += 4
    let count = 0
    for (const name in value) {
      this.string(name)
      this.string(value[name])
      count++
    }
    this.buffer.writeUInt32LE(count, countAt)
  }

  private reserve(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return
    const larger = Buffer.allocUnsafeSlow(Math.max(2 * this.buffer.length, this.at + bytes))
    this.buffer.copy(larger, 0, 0, this.at)
    this.buffer = larger
  }
}

// Reused: encoding an entry makes no object but the strings JSON needs.
const writer = new Writer()

/** The JSON texts an entry keeps, worked out once for both passes. */
export interface EntryTexts {
  body: string | undefined
  /** The reply's JSON as text, unless it is given as bytes. */
  reply: string | undefined
  replyBytes: Buffer | undefined
}

export function textsOf(served: ServedRequest, texts: EntryTexts): EntryTexts {
  texts.body = served.body === undefined ? undefined : JSON.stringify(served.body)
  const response = served.response
  // A kept page's bytes are copied as they are: no scan of its text for width, no second encoding.
  texts.replyBytes = response?.bytes
  texts.reply = texts.replyBytes !== undefined ? undefined : (response?.text ?? (response?.body === undefined ? undefined : JSON.stringify(response.body)))
  return texts
}

/** Lets go of what `textsOf` found, once the entry is written. */
export function forgetTexts(texts: EntryTexts): void {
  texts.body = texts.reply = texts.replyBytes = undefined
}

/**
 * Writes `served` into the codec's scratch buffer and returns how many bytes it took; `copyEncoded`
 * (or `decodeEncoded`) reads them, before the next entry is encoded.
 */
export function encode(served: ServedRequest, texts: EntryTexts): number {
  writer.at = 0
  walk(served, texts, writer)
  return writer.at
}

/** Copies the entry just encoded to `at` in `target` (room for its size). */
export function copyEncoded(target: Buffer, at: number): void {
  writer.buffer.copy(target, at, 0, writer.at)
  if (writer.buffer.length > SCRATCH_KEPT) writer.buffer = Buffer.allocUnsafeSlow(16 * 1024)
}

/** The entry just encoded, read back. */
export function decodeEncoded(): StoredRequest {
  return decode(writer.buffer, 0)
}

function walk(served: ServedRequest, texts: EntryTexts, sink: Writer): void {
  sink.string(served.method)
  sink.string(served.originalUrl)
  sink.string(served.operationId)
  const { headers } = served
  for (const name of KEPT_HEADERS) {
    const value = headers[name]
    sink.string(Array.isArray(value) ? value.join(', ') : value)
  }
  sink.string(texts.body)
  sink.record(served.response?.headers)
  if (texts.replyBytes === undefined) sink.string(texts.reply)
  else sink.utf8(texts.replyBytes)
  sink.string(served.fault)
  sink.string(served.username)
  const findings = served.findings
  sink.count(findings?.length ?? 0)
  if (findings !== undefined) for (const finding of findings) sink.string(finding)
  sink.string(served.refusal)
}

/** Reads back what `encode` wrote at `at`. */
export function decode(buffer: Buffer, at: number): StoredRequest {
  const reader = new Reader(buffer, at)
  const method = reader.string() ?? ''
  const originalUrl = reader.string() ?? ''
  const operationId = reader.string()
  const headers: Record<string, string> = {}
  for (const name of KEPT_HEADERS) {
    const value = reader.string()
    if (value !== undefined) headers[name] = value
  }
  const body = reader.json()
  const headerCount = reader.count()
  let responseHeaders: Record<string, string> | undefined
  if (headerCount !== ABSENT) {
    responseHeaders = {}
    for (let i = 0; i < headerCount; i++) {
      const name = reader.string()!
      responseHeaders[name] = reader.string()!
    }
  }
  const reply = reader.json()
  const fault = reader.string()
  const username = reader.string()
  const findings: string[] = []
  for (let i = reader.count(); i > 0; i--) findings.push(reader.string()!)
  const refusal = reader.string()
  return {
    method,
    originalUrl,
    operationId,
    headers,
    body,
    response: responseHeaders === undefined ? undefined : { headers: responseHeaders, body: reply },
    fault,
    username,
    findings,
    refusal,
  }
}

class Reader {
  constructor(
    private readonly buffer: Buffer,
    private at: number,
  ) {}

  count(): number {
    const value = this.buffer.readUInt32LE(this.at)
    this.at += 4
    return value
  }

  string(): string | undefined {
    const header = this.count()
    if (header === ABSENT) return undefined
    const length = header & LENGTH
    const encoding = (header & WIDE) !== 0 ? 'utf16le' : (header & UTF8) !== 0 ? 'utf8' : 'latin1'
    const bytes = encoding === 'utf16le' ? 2 * length : length
    const value = this.buffer.toString(encoding, this.at, this.at + bytes)
    this.at += bytes
    return value
  }

  json(): unknown {
    const text = this.string()
    return text === undefined ? undefined : (JSON.parse(text) as unknown)
  }
}
