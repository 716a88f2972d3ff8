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

export interface Exchange {
  request: ExchangeRequest
  response: ExchangeResponse
  durationMs?: number
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
