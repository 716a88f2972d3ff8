// One request and the response GitLab gave, whatever the source: a live probe, a HAR entry, a recording, the proxy.

export interface ExchangeRequest {
  method: string
  /** Absolute URL, e.g. https://gitlab.example.com/api/v4/runners?page=2 */
  url: string
  headers: Record<string, string>
  body?: unknown
}

export interface ExchangeResponse {
  status: number
  /** Lower-case names. */
  headers: Record<string, string>
  /** Parsed JSON when the body is JSON, the raw text otherwise, undefined when empty. */
  body: unknown
}

/** Where an exchange came from, so every finding can be traced back to it. */
export type ExchangeSource =
  /** A request `verify` sent; `purpose` says what it looked at (`filter status=online`). */
  | { kind: 'probe'; purpose: string }
  /** Entry `entry` (0-based) of a HAR file's log.entries. */
  | { kind: 'har'; file: string; entry: number }
  /** A fixture file (`proxy --record`), or item `index` of a file holding a list of them. */
  | { kind: 'fixture'; file: string; index?: number }
  /** An entry of the mock's journal export, by its sequence number. */
  | { kind: 'journal'; file: string; seq: number }
  /** The `sequence`-th exchange through `proxy`, and the fixture it was recorded to, if any. */
  | { kind: 'proxy'; sequence: number; fixture?: string }

export interface Exchange {
  request: ExchangeRequest
  response: ExchangeResponse
  durationMs?: number
  source?: ExchangeSource
}

export function lowerCaseHeaders(headers: Iterable<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of headers) {
    const key = name.toLowerCase()
    // Repeated headers fold into one, as fetch's Headers does.
    out[key] = key in out ? `${out[key]}, ${value}` : value
  }
  return out
}

/** Bodies are kept as JSON when they parse: the contract validates values, not text. */
export function parseBody(text: string, contentType: string | undefined): unknown {
  if (text === '') return undefined
  const looksJson = contentType === undefined || /json/i.test(contentType) || /^\s*[[{"]/.test(text)
  if (!looksJson) return text
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}
