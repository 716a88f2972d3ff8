// The request journal: the last N requests a scope served, with tokens redacted before they are stored.
// Bounded (oldest dropped first) so a long-running mock never grows without limit.
import type { IncomingHttpHeaders } from 'node:http'
import { redactHeaders, redactText, redactValue } from '../secrets/redact.js'

export interface JournalEntry {
  /** Increasing per scope, so a client can read only what is new. */
  seq: number
  /** ISO time by the wall clock (not the mock's clock, which tests move). */
  at: string
  method: string
  /** Path under the origin with the query, tokens redacted, e.g. `/api/v4/runners?private_token=[REDACTED]`. */
  path: string
  status: number
  durationMs: number
  /** The contract operation, or null for an unknown route. */
  operationId: string | null
  /** Request headers that matter to GitLab, tokens redacted. */
  headers: Record<string, string>
  /** The parsed request body, `token` and other secrets redacted; null when there was none. */
  body: unknown
  /** The answer's headers and JSON body (null without one), secrets redacted. */
  response: { headers: Record<string, string>; body: unknown }
  /** Id of the fault that shaped the answer, if any. */
  fault: string | null
  /** The user the request's token authenticated, null when none did. */
  username: string | null
  /** Where the mock's own response broke its contract (should stay empty). */
  findings: string[]
}

// Request headers worth seeing in the journal; the credentials among them are masked by src/secrets.
const KEPT_HEADERS = ['private-token', 'authorization', 'job-token', 'content-type', 'sudo', 'if-unmodified-since', 'x-mock-session']

/**
 * What the pipeline hands the journal: references, not copies. Redacting and formatting wait until
 * someone reads the journal, so serving a request pays for neither (bodies are never changed after
 * they are sent, so keeping references is safe).
 */
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
  readonly response?: { headers: Record<string, string>; body?: unknown } | undefined
  readonly fault?: string | undefined
  readonly username?: string | undefined
  readonly findings?: readonly string[] | undefined
}

/** The last `limit` requests of a scope, in a ring: recording one is a slot write, nothing more. */
export class Journal {
  private readonly slots: Array<ServedRequest | undefined>
  private readonly seqs: number[]
  /** Entries recorded since the last clear (the newest is at `(count - 1) % limit`). */
  private count = 0
  private nextSeq = 1
  private readonly listeners = new Set<(entry: JournalEntry) => void>()

  constructor(private readonly limit: number) {
    this.slots = new Array<ServedRequest | undefined>(Math.max(limit, 0)).fill(undefined)
    this.seqs = new Array<number>(Math.max(limit, 0)).fill(0)
  }

  record(entry: ServedRequest): void {
    const seq = this.nextSeq++
    if (this.limit > 0) {
      const slot = this.count % this.limit
      this.slots[slot] = entry
      this.seqs[slot] = seq
      this.count++
    }
    // Redacted only when someone is listening: an unwatched journal stays free to write.
    if (this.listeners.size > 0) {
      const presented = present(entry, seq)
      for (const listener of this.listeners) listener(presented)
    }
  }

  /** Oldest first; `limit` keeps the newest that many. */
  list(limit?: number): JournalEntry[] {
    const kept = Math.min(limit ?? this.limit, this.limit, this.count)
    const entries: JournalEntry[] = []
    for (let n = this.count - Math.max(kept, 0); n < this.count; n++) {
      const slot = n % this.limit
      entries.push(present(this.slots[slot]!, this.seqs[slot]!))
    }
    return entries
  }

  clear(): void {
    this.slots.fill(undefined)
    this.count = 0
  }

  /** Calls `listener` with every new entry, redacted, until the returned function is called. */
  subscribe(listener: (entry: JournalEntry) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

function present(entry: ServedRequest, seq: number): JournalEntry {
  // Read once: a served request may work its response out on reading (the JSON text parsed back).
  const response = entry.response
  return {
    seq,
    at: new Date(entry.at).toISOString(),
    method: entry.method,
    path: redactText(entry.originalUrl),
    status: entry.status,
    durationMs: entry.durationMs,
    operationId: entry.operationId ?? null,
    headers: keptHeaders(entry.headers),
    body: entry.body === undefined ? null : redactValue(entry.body),
    response: {
      // GitLab repeats every request parameter in its Link URLs, private_token included.
      headers: redactHeaders(response?.headers ?? {}),
      body: response?.body === undefined ? null : redactValue(response.body),
    },
    fault: entry.fault ?? null,
    username: entry.username ?? null,
    findings: [...(entry.findings ?? [])],
  }
}

function keptHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const kept: Record<string, string | string[] | undefined> = {}
  for (const name of KEPT_HEADERS) kept[name] = headers[name]
  return redactHeaders(kept)
}
