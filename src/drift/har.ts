// HAR 1.2 files (browser devtools, mitmproxy, Charles) read into exchanges; everything else about HAR is ignored.

import { lowerCaseHeaders, parseBody, type Exchange } from './exchange.js'

interface HarHeader {
  name: string
  value: string
}

export class RecordingFormatError extends Error {
  override name = 'RecordingFormatError'
}

export function isHar(document: unknown): boolean {
  return isRecord(document) && isRecord(document.log) && Array.isArray(document.log.entries)
}

export function readHar(document: unknown, source: string): Exchange[] {
  if (!isHar(document)) throw new RecordingFormatError(`${source}: not a HAR file (no log.entries)`)
  const entries = ((document as { log: { entries: unknown[] } }).log.entries)
  return entries.map((entry, index) => ({ ...readEntry(entry, `${source} #/log/entries/${index}`), source: { kind: 'har', file: source, entry: index } }))
}

function readEntry(entry: unknown, where: string): Exchange {
  if (!isRecord(entry) || !isRecord(entry.request) || !isRecord(entry.response)) throw new RecordingFormatError(`${where}: an entry needs request and response`)
  const { request, response } = entry
  if (typeof request.method !== 'string' || typeof request.url !== 'string') throw new RecordingFormatError(`${where}/request: method and url must be strings`)
  if (typeof response.status !== 'number') throw new RecordingFormatError(`${where}/response/status: must be a number`)

  const responseHeaders = lowerCaseHeaders(headerPairs(response.headers))
  const content = isRecord(response.content) ? response.content : {}
  const mimeType = typeof content.mimeType === 'string' && content.mimeType !== '' ? content.mimeType : responseHeaders['content-type']
  // Devtools base64-encode bodies they consider binary; a JSON body may still land here.
  const rawText = typeof content.text === 'string' ? content.text : ''
  const text = content.encoding === 'base64' ? Buffer.from(rawText, 'base64').toString('utf8') : rawText

  const postData = isRecord(request.postData) ? request.postData : undefined
  const requestBody = postData !== undefined && typeof postData.text === 'string' ? parseBody(postData.text, typeof postData.mimeType === 'string' ? postData.mimeType : undefined) : undefined
  return {
    request: {
      method: request.method.toUpperCase(),
      url: request.url,
      headers: lowerCaseHeaders(headerPairs(request.headers)),
      ...(requestBody === undefined ? {} : { body: requestBody }),
    },
    // HAR leaves content-type to the headers; fall back to content.mimeType, which devtools always fill.
    response: {
      status: response.status,
      headers: mimeType === undefined || 'content-type' in responseHeaders ? responseHeaders : { ...responseHeaders, 'content-type': mimeType },
      body: parseBody(text, mimeType),
    },
    ...(typeof entry.time === 'number' ? { durationMs: entry.time } : {}),
  }
}

function headerPairs(headers: unknown): [string, string][] {
  if (!Array.isArray(headers)) return []
  return headers.filter((h): h is HarHeader => isRecord(h) && typeof h.name === 'string' && typeof h.value === 'string').map((h) => [h.name, h.value])
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
