// Masking secrets out of what we show or keep: text, URLs, headers and parsed bodies. What a secret is
// lives in secrets.ts; this file only applies it. Every printer (journal, recordings, reports, logs) uses
// these functions, so they all mask the same things.
import { isSecretKey, maskHeader, MASK, TOKEN_PATTERNS } from './secrets.js'

export { MASK } from './secrets.js'

// `key=value` in a URL, a Link header, a form body or a log line; which keys are secret is decided by name.
const QUERY_PARAM = /(^|[?&;\s])([^=&#\s"'<>?;]+)=([^&#\s"'<>;,]*)/g
// `"key": "value"` in JSON kept as text (a body that did not parse).
const JSON_MEMBER = /("([^"\\]{1,100})"\s*:\s*)"(?:[^"\\]|\\.)*"/g
// `scheme://user:password@` and `scheme://token@`.
const USERINFO = /\b([a-z][a-z0-9+.-]*:\/\/)([^\s/?#@:]*)(?::([^\s/?#@]*))?@/gi

/** The text with token-shaped values, secret query parameters and URL passwords masked. */
export function redactText(value: string): string {
  let out = value
  for (const pattern of TOKEN_PATTERNS) out = out.replace(pattern, MASK)
  out = out.replace(QUERY_PARAM, (whole: string, lead: string, key: string) => (isSecretKey(decodeKey(key)) ? `${lead}${key}=${MASK}` : whole))
  out = out.replace(JSON_MEMBER, (whole: string, head: string, key: string) => (isSecretKey(key) ? `${head}"${MASK}"` : whole))
  // A lone user part is masked too: `https://<token>@host` is how tokens ride in clone URLs.
  return out.replace(USERINFO, (_whole, scheme: string, user: string, password: string | undefined) =>
    password === undefined ? `${scheme}${MASK}@` : `${scheme}${user}:${MASK}@`,
  )
}

function decodeKey(key: string): string {
  try {
    return decodeURIComponent(key.replace(/\+/g, ' ')).replace(/%5B%5D$/i, '[]')
  } catch {
    return key
  }
}

// Deeper than any GitLab body; past it the rest is dropped rather than walked, so a hostile body cannot
// exhaust the stack of whoever prints it.
const MAX_DEPTH = 64

/** A parsed body or query with every secret-named key masked and every string scrubbed by redactText. */
export function redactValue(value: unknown, text: (value: string) => string = redactText): unknown {
  const walk = (input: unknown, depth: number, secret: boolean): unknown => {
    if (typeof input === 'string') return secret ? MASK : text(input)
    if (typeof input === 'number' || typeof input === 'bigint') return secret ? MASK : input
    if (input === null || typeof input !== 'object') return input
    if (depth >= MAX_DEPTH) return MASK
    if (Array.isArray(input)) return input.map((item) => walk(item, depth + 1, secret))
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(input)) out[key] = walk(item, depth + 1, secret || isSecretKey(key))
    return out
  }
  return walk(value, 0, false)
}

/** Headers with credentials masked (the Authorization scheme kept) and the rest scrubbed by redactText. */
export function redactHeaders(headers: Record<string, string | string[] | undefined>, text: (value: string) => string = redactText): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue
    const joined = Array.isArray(value) ? value.join(', ') : value
    const masked = maskHeader(name, joined)
    out[name] = masked === joined ? text(joined) : masked
  }
  return out
}

export interface Redactor {
  /** Remember one more secret, e.g. a runner token GitLab just issued. */
  add(secret: string | undefined): void
  text(value: string): string
  headers(headers: Record<string, string>): Record<string, string>
  url(value: string): string
  /** A JSON value with every token-named key masked and every string scrubbed. */
  value(value: unknown): unknown
}

/** redactText plus the values we were told are secret (tokens given on the command line, issued on the way). */
export function createRedactor(secrets: Iterable<string | undefined> = []): Redactor {
  const known = new Set<string>()
  let longestFirst: string[] = []

  const add = (secret: string | undefined) => {
    // Very short values would mask ordinary words; GitLab tokens are never this short.
    if (secret === undefined || secret.length < 4) return
    known.add(secret)
    known.add(encodeURIComponent(secret))
    // Longest first, so a secret containing another one is masked whole.
    longestFirst = [...known].sort((a, b) => b.length - a.length)
  }
  for (const secret of secrets) add(secret)

  const text = (value: string): string => {
    let out = value
    for (const secret of longestFirst) out = out.split(secret).join(MASK)
    return redactText(out)
  }

  return {
    add,
    text,
    url: text,
    value: (value) => redactValue(value, text),
    headers: (headers) => redactHeaders(headers, text),
  }
}
