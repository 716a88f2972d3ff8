// The request journal: the last requests a scope served, tokens redacted when it is read.
// Bounded twice, oldest dropped first, so a long-running mock never grows without limit: at most
// `limit` entries, in at most `budgetBytes` bytes (README "The journal's budget").
import { redactHeaders, redactText, redactValue } from '../secrets/redact.js'
import { copyEncoded, decode, decodeEncoded, encode, forgetTexts, textsOf, type EntryTexts, type ServedRequest, type StoredRequest } from './journal-codec.js'
import { JournalRing } from './journal-ring.js'

export type { ServedRequest } from './journal-codec.js'

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
  /** Why the request was refused before it reached a scope (`site_refused`, `origin_not_allowed`, `invalid_session`, `sessions_busy`), else null. */
  refused: string | null
}

/** What each scope's journal keeps by default: entries, and bytes (the encoded requests and replies). */
export const DEFAULT_JOURNAL_LIMIT = 500
export const DEFAULT_JOURNAL_BYTES = 8 * 1024 * 1024
// Each entry has 34 bytes of columns in every scope, made with the scope: a million is ~34 MB a scope.
export const MAX_JOURNAL_LIMIT = 1_000_000
// Entries sit at 32-bit offsets; a gibibyte is far more than a journal is for.
export const MAX_JOURNAL_BYTES = 1024 * 1024 * 1024

/** How much each scope's journal keeps, whichever bound is reached first. */
export interface JournalSize {
  limit: number
  bytes: number
}

// Reused by every record(): working out an entry's JSON texts makes no object of its own.
const texts: EntryTexts = { body: undefined, reply: undefined, replyBytes: undefined }

/**
 * The last requests of a scope. Recording one writes its strings as bytes into a ring and its
 * numbers into typed columns: once recorded, a request leaves no JavaScript object alive, so the
 * young-generation GC has nothing of the journal's to copy. Reading decodes, then redacts.
 */
export class Journal {
  private readonly ring: JournalRing
  // By slot (entry number modulo limit). Made up front, as the ring's columns are: a limit no typed
  // array can hold fails when the scope is made, not in the middle of answering a request.
  private readonly seqs: Float64Array
  private readonly ats: Float64Array
  private readonly durations: Float64Array
  private readonly statuses: Uint16Array
  private nextSeq = 1
  private readonly listeners = new Set<(entry: JournalEntry) => void>()

  constructor(
    private readonly limit: number,
    budgetBytes: number = DEFAULT_JOURNAL_BYTES,
  ) {
    const slots = Math.max(limit, 0)
    this.ring = new JournalRing(slots, budgetBytes)
    this.seqs = new Float64Array(slots)
    this.ats = new Float64Array(slots)
    this.durations = new Float64Array(slots)
    this.statuses = new Uint16Array(slots)
  }

  record(served: ServedRequest): void {
    const seq = this.nextSeq++
    if (this.limit <= 0) {
      // Nothing is kept, but a listener still hears of it, read back as if it had been.
      if (this.listeners.size > 0) this.tell(this.readBack(served), seq, served)
      return
    }
    const n = this.ring.append(encode(served, textsOf(served, texts)))
    copyEncoded(this.ring.bufferOf(n), this.ring.startOf(n))
    forgetTexts(texts)
    const slot = this.ring.slotOf(n)
    this.seqs[slot] = seq
    this.ats[slot] = served.at
    this.durations[slot] = served.durationMs
    this.statuses[slot] = served.status
    // Decoded and redacted only when someone is listening: an unwatched journal stays cheap to write.
    if (this.listeners.size > 0) this.tell(decode(this.ring.bufferOf(n), this.ring.startOf(n)), seq, served)
  }

  /** Oldest first; `limit` keeps the newest that many. */
  list(limit?: number): JournalEntry[] {
    const { ring } = this
    const kept = Math.max(Math.min(limit ?? this.limit, ring.newest - ring.oldest + 1), 0)
    const entries: JournalEntry[] = []
    for (let n = ring.newest - kept + 1; n <= ring.newest; n++) {
      const slot = ring.slotOf(n)
      const stored = decode(ring.bufferOf(n), ring.startOf(n))
      entries.push(present(stored, this.seqs[slot]!, this.ats[slot]!, this.statuses[slot]!, this.durations[slot]!))
    }
    return entries
  }

  clear(): void {
    this.ring.clear()
  }

  /** Calls `listener` with every new entry, redacted, until the returned function is called. */
  subscribe(listener: (entry: JournalEntry) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private tell(stored: StoredRequest, seq: number, served: ServedRequest): void {
    const entry = present(stored, seq, served.at, served.status, served.durationMs)
    for (const listener of this.listeners) listener(entry)
  }

  /** `served` as the journal would read it back, for a journal that keeps nothing. */
  private readBack(served: ServedRequest): StoredRequest {
    encode(served, textsOf(served, texts))
    forgetTexts(texts)
    return decodeEncoded()
  }
}

function present(stored: StoredRequest, seq: number, at: number, status: number, durationMs: number): JournalEntry {
  const { response } = stored
  return {
    seq,
    at: new Date(at).toISOString(),
    method: stored.method,
    path: redactText(stored.originalUrl),
    status,
    durationMs,
    operationId: stored.operationId ?? null,
    headers: redactHeaders(stored.headers),
    body: stored.body === undefined ? null : redactValue(stored.body),
    response: {
      // GitLab repeats every request parameter in its Link URLs, private_token included.
      headers: redactHeaders(response?.headers ?? {}),
      body: response?.body === undefined ? null : redactValue(response.body),
    },
    fault: stored.fault ?? null,
    username: stored.username ?? null,
    findings: stored.findings,
    refused: stored.refusal ?? null,
  }
}
