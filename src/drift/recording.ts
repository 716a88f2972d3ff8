// Recorded exchanges as fixture files (the proxy's --record) and their reading back, with the mock's journal export.
// A fixture is one JSON file: { operationId, request: { method, path, query, body? }, response: { status, headers, body? } },
// paths under /api/v4, tokens already redacted: a scenario can replay it and `validate` can check it.

import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Exchange } from './exchange.js'
import { isHar, readHar, RecordingFormatError } from './har.js'
import type { Redactor } from './redact.js'

export interface Fixture {
  operationId: string | null
  request: { method: string; path: string; query: Record<string, string | string[]>; body?: unknown }
  response: { status: number; headers: Record<string, string>; body?: unknown }
}

// Hop-by-hop and volatile headers mean nothing in a replay.
const DROPPED_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date', 'content-length', 'content-encoding', 'etag', 'x-request-id', 'x-runtime', 'set-cookie'])

export function toFixture(exchange: Exchange, operationId: string | undefined, redactor: Redactor): Fixture {
  const url = new URL(exchange.request.url)
  const query: Record<string, string | string[]> = {}
  for (const key of new Set(url.searchParams.keys())) {
    // Through value(), so a token-named query parameter is masked by name like a body field.
    const values = url.searchParams.getAll(key).map((value) => String((redactor.value({ [key]: value }) as Record<string, unknown>)[key]))
    query[key] = values.length === 1 ? (values[0] as string) : values
  }
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(redactor.headers(exchange.response.headers))) {
    if (!DROPPED_HEADERS.has(name)) headers[name] = name === 'link' ? relativeLinks(value) : value
  }
  return {
    operationId: operationId ?? null,
    request: {
      method: exchange.request.method,
      path: apiPath(url.pathname),
      query,
      ...(exchange.request.body === undefined ? {} : { body: redactor.value(exchange.request.body) }),
    },
    response: {
      status: exchange.response.status,
      headers,
      ...(exchange.response.body === undefined ? {} : { body: redactor.value(exchange.response.body) }),
    },
  }
}

export function writeFixture(dir: string, sequence: number, fixture: Fixture): string {
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `${String(sequence).padStart(4, '0')}-${fixture.operationId ?? 'unmatched'}.json`)
  writeFileSync(file, JSON.stringify(fixture, null, 2) + '\n')
  return file
}

/** The part of a path after /api/v4 (GitLab may live under a relative URL root such as /gitlab/api/v4). */
export function apiPath(pathname: string): string {
  const at = pathname.indexOf('/api/v4/')
  if (at !== -1) return pathname.slice(at + '/api/v4'.length)
  return pathname.endsWith('/api/v4') ? '/' : pathname
}

// Replays happen on another host and port; links keep only what follows the origin.
function relativeLinks(link: string): string {
  return link.replace(/<https?:\/\/[^/>]+/g, '<')
}

/** Reads HAR files, fixture files, directories of fixtures, and journal exports (a list of fixture-shaped entries). */
export function readRecorded(path: string): Exchange[] {
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .filter((name) => name.endsWith('.json') || name.endsWith('.har'))
      .sort()
      .flatMap((name) => readRecorded(join(path, name)))
  }
  let document: unknown
  try {
    document = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new RecordingFormatError(`${path}: not JSON (${error instanceof Error ? error.message : String(error)})`)
  }
  if (isHar(document)) return readHar(document, path)
  if (Array.isArray(document)) return document.map((entry, index) => traced(fromFixture(entry, `${path} #/${index}`), entry, path, index))
  if (isRecord(document) && Array.isArray(document.entries)) return document.entries.map((entry, index) => traced(fromFixture(entry, `${path} #/entries/${index}`), entry, path, index))
  if (isRecord(document) && Array.isArray(document.journal)) return document.journal.map((entry, index) => traced(fromFixture(entry, `${path} #/journal/${index}`), entry, path, index))
  return [traced(fromFixture(document, path), document, path, undefined)]
}

/** Where a finding about this exchange should send the reader: the journal entry's seq, or the file and item. */
function traced(exchange: Exchange, entry: unknown, file: string, index: number | undefined): Exchange {
  if (isJournalEntry(entry) && typeof entry.seq === 'number') return { ...exchange, source: { kind: 'journal', file, seq: entry.seq } }
  return { ...exchange, source: { kind: 'fixture', file, ...(index === undefined ? {} : { index }) } }
}

function fromFixture(entry: unknown, where: string): Exchange {
  if (isJournalEntry(entry)) return fromJournalEntry(entry)
  if (!isRecord(entry) || !isRecord(entry.request) || !isRecord(entry.response)) {
    throw new RecordingFormatError(`${where}: expected a HAR file, a fixture { request, response } or a journal export of them`)
  }
  const { request, response } = entry
  if (typeof request.method !== 'string') throw new RecordingFormatError(`${where}/request/method: must be a string`)
  if (typeof request.path !== 'string' && typeof request.url !== 'string') throw new RecordingFormatError(`${where}/request: needs path or url`)
  if (typeof response.status !== 'number') throw new RecordingFormatError(`${where}/response/status: must be a number`)
  const url = typeof request.url === 'string' ? new URL(request.url, 'http://recorded.invalid') : new URL(`http://recorded.invalid/api/v4${String(request.path)}`)
  if (isRecord(request.query)) {
    for (const [key, value] of Object.entries(request.query)) {
      for (const item of Array.isArray(value) ? value : [value]) url.searchParams.append(key, String(item))
    }
  }
  const headers: Record<string, string> = {}
  if (isRecord(response.headers)) for (const [name, value] of Object.entries(response.headers)) headers[name.toLowerCase()] = String(value)
  return {
    request: { method: request.method.toUpperCase(), url: url.toString(), headers: {}, ...(request.body === undefined ? {} : { body: request.body }) },
    response: { status: response.status, headers, body: response.body },
  }
}

/** An entry of the mock's journal (`GET /__mock/journal`): the request flat, the answer under `response`. */
interface JournalEntry {
  seq?: unknown
  method: string
  path: string
  status: number
  body: unknown
  response: { headers: Record<string, unknown>; body: unknown }
}

function isJournalEntry(entry: unknown): entry is JournalEntry {
  return isRecord(entry) && typeof entry.method === 'string' && typeof entry.path === 'string' &&
    typeof entry.status === 'number' && isRecord(entry.response) && isRecord(entry.response.headers)
}

function fromJournalEntry(entry: JournalEntry): Exchange {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(entry.response.headers)) headers[name.toLowerCase()] = String(value)
  return {
    request: {
      method: entry.method.toUpperCase(),
      url: new URL(entry.path, 'http://recorded.invalid').toString(),
      headers: {},
      ...(entry.body === null ? {} : { body: entry.body }),
    },
    // The journal writes null for "no body"; an exchange leaves it out.
    response: { status: entry.status, headers, body: entry.response.body === null ? undefined : entry.response.body },
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
