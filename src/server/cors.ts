// CORS for browser apps: by default any local origin (localhost, 127.0.0.1, [::1], any port) may call
// the mock and read the pagination headers; a list of origins or '*' can be configured instead.
// '*' lends no credentials, and never reaches the control API, where it means local origins.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { refusedOriginReason, type CorsSetting } from './cors-setting.js'
import { originNotAllowed } from './errors.js'
import type { SentRefusal } from './hooks.js'
import { sendRefusal } from './refusal.js'

export type { CorsSetting } from './cors-setting.js'

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]'])
const ALLOWED_HEADERS = 'Authorization, Content-Type, PRIVATE-TOKEN, Sudo, If-Unmodified-Since, X-Mock-Session, X-Mock-Control-Token'
const EXPOSED_HEADERS = 'Link, X-Total, X-Total-Pages, X-Per-Page, X-Page, X-Next-Page, X-Prev-Page'
const METHODS = 'GET, HEAD, POST, PUT, DELETE, OPTIONS'

export function isAllowedOrigin(origin: string, setting: CorsSetting): boolean {
  if (setting === false) return false
  if (setting === '*') return true
  if (Array.isArray(setting)) return setting.includes(origin)
  try {
    return LOCAL_HOSTS.has(new URL(origin).hostname)
  } catch {
    return false
  }
}

/** The setting that holds for a path: the control API takes no wildcard. */
export function settingFor(setting: CorsSetting, path: string, controlPrefix: string): CorsSetting {
  return setting === '*' && (path === controlPrefix || path.startsWith(`${controlPrefix}/`)) ? 'local' : setting
}

/**
 * Sets the CORS headers a request from an allowed origin gets, and answers preflights: 'passed' when
 * the request goes on, 'answered' for a preflight answered, the refusal sent for a refused one.
 */
export function applyCors(req: IncomingMessage, res: ServerResponse, path: string, configured: CorsSetting, controlPrefix: string): 'passed' | 'answered' | SentRefusal {
  const origin = req.headers.origin
  // Most requests come from programs, not browsers: nothing to decide.
  if (origin === undefined) return 'passed'
  const setting = settingFor(configured, path, controlPrefix)
  const preflight = req.method === 'OPTIONS' && req.headers['access-control-request-method'] !== undefined && req.headers['access-control-request-method'] !== ''
  if (!isAllowedOrigin(origin, setting)) {
    // A refused preflight says so, rather than falling through to a 404 that hides the cause.
    if (!preflight) return 'passed'
    return sendRefusal(res, originNotAllowed(origin, refusedOriginReason(origin, setting)))
  }
  if (setting === '*') {
    res.setHeader('Access-Control-Allow-Origin', '*')
  } else {
    res.setHeader('Access-Control-Allow-Origin', origin)
    res.setHeader('Vary', 'Origin')
    // Whoever configured '*' gets no credentials anywhere, the control API's local origins included.
    if (configured !== '*') res.setHeader('Access-Control-Allow-Credentials', 'true')
  }
  res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS)
  if (!preflight) return 'passed'
  // A preflight ends here; the real request follows.
  res.setHeader('Access-Control-Allow-Methods', METHODS)
  res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS)
  res.setHeader('Access-Control-Max-Age', '600')
  res.writeHead(204)
  res.end()
  return 'answered'
}
