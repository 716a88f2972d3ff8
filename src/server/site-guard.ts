// Who may reach the mock from a browser. The Host check stops DNS rebinding (a page whose own name
// now resolves to 127.0.0.1 reads the mock as same-origin); the Origin check stops cross-site writes,
// which browsers send without a preflight when they look like a form (urlencoded, text/plain).
// Clients that are not browsers send no Origin and pass. Knows CORS settings, not what the routes do.
// Plain functions over Node's request and response: the API path runs them without Express.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { applyCors, isAllowedOrigin, settingFor, type CorsSetting } from './cors.js'
import { siteRefused } from './errors.js'
import type { SentRefusal } from './hooks.js'
import { sendRefusal } from './refusal.js'

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
// A DNS name or a bracketed IPv6 address, then an optional port: nothing else belongs in Host.
const HOST = /^(?<name>[a-z0-9_-]+(?:\.[a-z0-9_-]+)*|\[[0-9a-f:.]+\])(?::(?<port>\d{1,5}))?$/i
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '[::1]'])

interface HostPattern {
  name: string
  /** Undefined: any port. */
  port: string | undefined
}

/** Parses `--allowed-host` values (`name` for any port, `name:port` for one); throws RangeError on junk. */
export function parseAllowedHosts(values: readonly string[]): HostPattern[] {
  return values.map((value) => {
    const parsed = parseHost(value)
    if (!parsed) throw new RangeError(`--allowed-host takes a host name or name:port (e.g. mock.internal or mock.internal:4600), got '${value}'`)
    return parsed
  })
}

function parseHost(host: string): HostPattern | undefined {
  const match = HOST.exec(host)
  if (!match?.groups) return undefined
  return { name: match.groups.name!.toLowerCase(), port: match.groups.port }
}

function isAllowedHost(host: string, allowed: HostPattern[]): boolean {
  const parsed = parseHost(host)
  if (!parsed) return false
  if (LOOPBACK_NAMES.has(parsed.name) || parsed.name.endsWith('.localhost')) return true
  return allowed.some(({ name, port }) => name === parsed.name && (port === undefined || port === parsed.port))
}

/** What the site checks need to know, parsed once. */
export interface SitePolicy {
  allowedHosts: HostPattern[]
  cors: CorsSetting
  /** Where the control API is mounted: it takes no CORS wildcard. */
  controlPrefix: string
}

// A client sends the same Host on every request: the last verdict is kept, per policy.
const lastVerdicts = new WeakMap<SitePolicy, { host: string; allowed: boolean }>()

function hostAllowedBy(policy: SitePolicy, host: string): boolean {
  const last = lastVerdicts.get(policy)
  if (last?.host === host) return last.allowed
  const allowed = isAllowedHost(host, policy.allowedHosts)
  lastVerdicts.set(policy, { host, allowed })
  return allowed
}

/**
 * The Host check, CORS and the Origin check, in that order, for a request whose path (without the
 * query) is `path`: 'passed' when the request goes on, 'answered' for a CORS preflight answered, the
 * refusal sent for a refused request.
 */
export function siteChecks(req: IncomingMessage, res: ServerResponse, path: string, policy: SitePolicy): 'passed' | 'answered' | SentRefusal {
  const host = req.headers.host
  // HTTP/1.0 clients may send no Host; browsers always do.
  if (host !== undefined && !hostAllowedBy(policy, host)) {
    const allow = 'the mock answers loopback names (localhost, *.localhost, 127.0.0.1, [::1]) and hosts given with --allowed-host'
    return refuse(res, `Host ${host} is not allowed; ${allow}`)
  }
  const cors = applyCors(req, res, path, policy.cors, policy.controlPrefix)
  if (cors !== 'passed') return cors
  const refusal = originRefusal(req, path, policy)
  return refusal === undefined ? 'passed' : refuse(res, refusal)
}

/** Why a state-changing request from a browser origin the CORS setting does not allow is refused. */
function originRefusal(req: IncomingMessage, path: string, policy: SitePolicy): string | undefined {
  if (!STATE_CHANGING.has(req.method ?? '')) return undefined
  const origin = req.headers.origin
  if (origin === undefined) {
    // Browsers always send Origin on cross-site writes; a bare Sec-Fetch-Site is the fallback.
    if (req.headers['sec-fetch-site'] === 'cross-site') return 'cross-site request without an Origin refused; allow its origin with --cors'
    return undefined
  }
  const effective = settingFor(policy.cors, path, policy.controlPrefix)
  if (isSameOrigin(origin, req.headers.host) || isAllowedOrigin(origin, effective)) return undefined
  const how = `allow the origin with --cors ${origin} (startMock({ cors: ['${origin}'] }))`
  const wildcard = policy.cors === '*' ? 'the control API takes no wildcard: ' : ''
  return `cross-site request from origin ${origin} refused; ${wildcard}${how}`
}

/** The mock's own pages (the dashboard) post to the host they were loaded from. */
function isSameOrigin(origin: string, host: string | undefined): boolean {
  if (host === undefined) return false
  try {
    return new URL(origin).host === host.toLowerCase()
  } catch {
    return false
  }
}

// Sent before any route or session is chosen: not self-checked; the journal and the log get it
// through `ServerHooks.refused`.
function refuse(res: ServerResponse, reason: string): SentRefusal {
  return sendRefusal(res, siteRefused(reason), 'application/json')
}
