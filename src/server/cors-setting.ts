// Which browser origins may call the mock, as users configure it, and its checking. Apart from cors.ts
// so that the public types (index.ts) reach no Express types.
export type CorsSetting = 'local' | '*' | false | string[]

/** A `--cors` value or a `cors` option the mock cannot use; the message says what is wrong and what would do. */
export class CorsSettingError extends Error {}

const FORMS = 'local, *, none, or origins like http://localhost:3000 separated by commas'

/** `--cors` text to a setting: keywords, or a list of origins each normalised to scheme://host[:port]. */
export function parseCorsSetting(value: string): CorsSetting {
  const keyword = value.trim().toLowerCase()
  if (keyword === 'local' || keyword === '*') return keyword
  if (keyword === 'none' || keyword === 'false') return false
  return normaliseOrigins(value.split(','))
}

/** The setting with every origin normalised (trailing slash dropped, host lower-cased, default port dropped). */
export function normaliseCorsSetting(setting: CorsSetting): CorsSetting {
  return Array.isArray(setting) ? normaliseOrigins(setting) : setting
}

function normaliseOrigins(values: readonly string[]): string[] {
  const origins = values.map((value) => value.trim())
  if (origins.some((origin) => origin === '')) throw new CorsSettingError(`an empty origin in the CORS list; use ${FORMS}`)
  return [...new Set(origins.map(normaliseOrigin))]
}

function normaliseOrigin(origin: string): string {
  if (origin === '*' || origin.toLowerCase() === 'local') throw new CorsSettingError(`'${origin}' cannot be part of a list of origins; use it alone`)
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    throw new CorsSettingError(`'${origin}' is not an origin; use ${FORMS}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CorsSettingError(`'${origin}' is not an http or https origin; use ${FORMS}`)
  if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) {
    throw new CorsSettingError(`'${origin}' has more than scheme, host and port; a browser sends only those (did you mean ${url.origin}?)`)
  }
  return url.origin
}

/** Why a preflight is refused, in words: which origin, what is allowed now, and how to allow it. */
export function refusedOriginReason(origin: string, setting: CorsSetting): string {
  const allowed = setting === false ? 'no origin (--cors none)' : setting === 'local' ? 'local origins only (localhost, 127.0.0.1, [::1])' : setting === '*' ? 'every origin' : setting.join(', ')
  const add = Array.isArray(setting) ? [...setting, origin].join(',') : origin
  return `CORS: origin ${origin} is not allowed (allowed: ${allowed}). Start the mock with --cors ${add} (or startMock({ cors: [...] })) to allow it.`
}
