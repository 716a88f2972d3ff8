// What counts as a secret, in one place: the journal, proxy recordings, drift reports and logs all ask
// here, so a token one of them masks is masked by all of them. Imports nothing of ours, so the server,
// the control plane and the drift checker may all use it.

export const MASK = '[REDACTED]'

// Body and query keys that carry credentials: runner authentication tokens (`token`, `runner_token`,
// `authentication_token`), registration tokens (`registration_token`, `runners_token`, GitLab's group and
// project field), user tokens (`private_token`, `access_token`), CI job tokens, and passwords.
const SECRET_KEYS = new Set([
  'token',
  'private_token',
  'access_token',
  'job_token',
  'runner_token',
  'runners_token',
  'registration_token',
  'runners_registration_token',
  'authentication_token',
  'password',
])

// Anything else named like one (`new_runner_token`, `client_secret`) is treated as one too: a false
// positive costs a masked value in a report, a false negative costs a leaked credential.
const SECRET_KEY_SHAPE = /(?:^|_)(?:token|password|secret)$/

/** Whether a body, query or form key names a credential; any case, Rails' `key[]` included. */
export function isSecretKey(key: string): boolean {
  const name = key.toLowerCase().replace(/\[\]$/, '')
  return SECRET_KEYS.has(name) || SECRET_KEY_SHAPE.test(name)
}

// Credentials travel in these headers (reference §1.3), plus the mock's own control token and cookies.
const SECRET_HEADERS = new Set([
  'authorization',
  'proxy-authorization',
  'private-token',
  'job-token',
  'x-mock-control-token',
  'x-gitlab-token',
  'cookie',
  'set-cookie',
])

export function isSecretHeader(name: string): boolean {
  return SECRET_HEADERS.has(name.toLowerCase())
}

// Token shapes GitLab hands out (reference §2.6), caught wherever they appear, even when nobody told us
// the value: personal/OAuth/trigger/deploy/feed tokens (gl…-), runner tokens (glrt-, glrtr-, and the
// routable t1_/t2_/t3_ forms), and registration tokens (GR1348941…).
export const TOKEN_PATTERNS: readonly RegExp[] = [
  /\bglrtr?-[A-Za-z0-9_.-]{6,}/g,
  /\bgl(?:pat|oas|ptt|cbt|dt|ft|imt|soat|agent|ffct|rtr)-[A-Za-z0-9_.-]{6,}/g,
  /\bGR1348941[A-Za-z0-9_-]{6,}/g,
  /\bt[123]_[A-Za-z0-9_.-]{10,}/g,
]

// Schemes worth keeping in a masked Authorization header ("Bearer" vs "Basic" helps debugging). Anything
// else before a space may be the credential itself, so it is masked with the rest.
const AUTH_SCHEMES = new Set(['bearer', 'basic', 'token', 'digest', 'negotiate', 'ntlm', 'oauth', 'oauth2'])

/** `Bearer [REDACTED]` for a known scheme, the whole value masked otherwise (a bare token has no scheme). */
export function maskAuthorization(value: string): string {
  const scheme = /^([A-Za-z][\w-]*)\s+\S/.exec(value)?.[1]
  return scheme !== undefined && AUTH_SCHEMES.has(scheme.toLowerCase()) ? `${scheme} ${MASK}` : MASK
}

/** The masked form of a header's value, or the value when the header carries no credential. */
export function maskHeader(name: string, value: string): string {
  if (!isSecretHeader(name)) return value
  return /^(?:proxy-)?authorization$/i.test(name) ? maskAuthorization(value) : MASK
}
