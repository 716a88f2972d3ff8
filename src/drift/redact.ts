// Token redaction for everything the drift checker prints, reports or records: the one place that knows what a secret looks like.

const MASK = '[REDACTED]'

// Credentials travel in these headers (reference §1.3); their values are never shown, whatever they hold.
const SECRET_HEADERS = new Set(['private-token', 'authorization', 'cookie', 'set-cookie', 'job-token', 'proxy-authorization'])

// Body and query keys GitLab uses for tokens: runner auth tokens, registration tokens, private tokens.
const SECRET_KEYS = new Set(['token', 'private_token', 'registration_token', 'runners_token', 'access_token', 'runners_registration_token'])

// Token shapes GitLab hands out (reference §2.6), caught even when nobody told us the value, e.g. a token
// GitLab generated during a --writes round trip and echoed in a body we print.
const TOKEN_PATTERNS = [/\bglrtr?-[A-Za-z0-9_.-]{6,}/g, /\bgl(?:pat|oas|ptt|cbt|dt|ft)-[A-Za-z0-9_.-]{6,}/g, /\bt[123]_[A-Za-z0-9_.-]{10,}/g]

export interface Redactor {
  /** Remember one more secret, e.g. a runner token GitLab just issued. */
  add(secret: string | undefined): void
  text(value: string): string
  headers(headers: Record<string, string>): Record<string, string>
  url(value: string): string
  /** A JSON value with every token-named key masked and every string scrubbed. */
  value(value: unknown): unknown
}

export function createRedactor(secrets: Iterable<string | undefined> = []): Redactor {
  const known = new Set<string>()

  const add = (secret: string | undefined) => {
    // Very short values would mask ordinary words; GitLab tokens are never this short.
    if (secret === undefined || secret.length < 4) return
    known.add(secret)
    known.add(encodeURIComponent(secret))
  }
  for (const secret of secrets) add(secret)

  const text = (value: string): string => {
    let out = value
    // Longest first, so a secret containing another one is masked whole.
    for (const secret of [...known].sort((a, b) => b.length - a.length)) out = out.split(secret).join(MASK)
    for (const pattern of TOKEN_PATTERNS) out = out.replace(pattern, MASK)
    return out.replace(/([?&](?:private_token|token|access_token)=)[^&#\s"'>]*/g, `$1${MASK}`)
  }

  const value = (input: unknown): unknown => {
    if (typeof input === 'string') return text(input)
    if (Array.isArray(input)) return input.map(value)
    if (input !== null && typeof input === 'object') {
      const out: Record<string, unknown> = {}
      for (const [key, item] of Object.entries(input)) {
        out[key] = SECRET_KEYS.has(key) && typeof item === 'string' ? MASK : value(item)
      }
      return out
    }
    return input
  }

  return {
    add,
    text,
    value,
    url: text,
    headers(headers) {
      const out: Record<string, string> = {}
      for (const [name, item] of Object.entries(headers)) {
        out[name] = SECRET_HEADERS.has(name.toLowerCase()) ? MASK : text(item)
      }
      return out
    },
  }
}
