// Every error status and GitLab-shaped body the mock sends, each with a stable code: the one file to
// compare with GitLab. Domain errors from the store become responses here and nowhere else.
import {
  BadRequestError,
  BadRequestReasonError,
  ForbiddenError,
  GoneError,
  InsufficientScopeError,
  InvalidError,
  MethodNotAllowedError,
  NotFoundError,
  OrphanedRunnerError,
  ParamError,
  PreconditionFailedError,
  UnauthorizedError,
} from '../store/errors.js'

export interface ErrorReply {
  /** Stable identifier of this kind of error, for the journal and tests. */
  code: string
  status: number
  /** Headers the answer needs besides its content type (Retry-After). */
  headers?: Record<string, string>
  body: unknown
}

// Texts from doorkeeper / rack-oauth2, as GitLab's API sends them (reference §1.3).
const EXPIRED = 'Token is expired. You can either do re-authorization or token refresh.'
const REVOKED = 'Token was revoked. You have to re-authorize from the user.'
// rack-oauth2's default description for insufficient_scope (reference §1.3: exact text unconfirmed).
const INSUFFICIENT_SCOPE = 'The request requires higher privileges than provided by the access token.'

export const routeNotFound: ErrorReply = { code: 'route_not_found', status: 404, body: { error: '404 Not Found' } }

export function bodyTooLarge(limitBytes: number): ErrorReply {
  return { code: 'body_too_large', status: 413, body: { message: `413 Request Entity Too Large - body exceeds ${limitBytes} bytes` } }
}

// Grape's own wording for a body its parser rejects.
export const malformedBody: ErrorReply = {
  code: 'malformed_body',
  status: 400,
  body: { error: 'message body does not match declared format' },
}

// Grape answers 415 for a body in a content type the API does not declare (application/json, forms, text).
export function unsupportedContentType(contentType: string): ErrorReply {
  return {
    code: 'unsupported_content_type',
    status: 415,
    body: { error: `The provided content-type '${contentType}' is not supported.` },
  }
}

/** `serve --static` asked, with `Prefer`, for an answer the operation does not document. */
export function noDocumentedAnswer(operationId: string, prefer: string): ErrorReply {
  return { code: 'no_documented_answer', status: 400, body: { error: `${operationId} documents no answer for Prefer: ${prefer}` } }
}

/** A request that failed the contract's parameter rules: one Grape message for all failures. */
export function invalidParams(text: string): ErrorReply {
  return { code: 'invalid_params', status: 400, body: { error: text } }
}

/** Our own bug: a response that fails our own contract, in strict self-check mode. */
export function selfCheckFailed(operationId: string, status: number, problems: string[]): ErrorReply {
  return {
    code: 'self_check_failed',
    status: 500,
    body: { message: `500 Internal Server Error - the mock's ${status} response to ${operationId} broke its contract: ${problems.join('; ')}` },
  }
}

// Reason phrases GitLab's error helpers put after the code (reference §1.5), for faults that force a status.
const REASON_PHRASES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition Failed',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
}

/** The body GitLab sends for a status with no reason given, for a fault that forces that status. */
export function forcedStatus(status: number): ErrorReply {
  // GitLab's 429 while it migrates is the one a client most plausibly retries on (reference §6.5).
  if (status === 429) {
    return {
      code: 'fault',
      status,
      body: { message: 'Executing database migrations. Please retry later.' },
    }
  }
  const reason = REASON_PHRASES[status]
  return { code: 'fault', status, body: { message: reason === undefined ? String(status) : `${status} ${reason}` } }
}

/** A control API request without the control token the mock was started with. */
export const controlTokenRequired: ErrorReply = {
  code: 'control_token_required',
  status: 401,
  body: { message: '401 Unauthorized - send the control token in the X-Mock-Control-Token header' },
}

/** A control request the operation cannot carry out: a broken scenario, state or fault, a bad clock value. */
export function controlRefused(text: string): ErrorReply {
  return { code: 'control_refused', status: 400, body: { message: `400 Bad request - ${text}` } }
}

/** The fault, session, group or project a control request names does not exist. */
export function controlNotFound(what: string): ErrorReply {
  return { code: 'control_not_found', status: 404, body: { message: `404 ${what} Not Found` } }
}

/** A request Node's HTTP parser refused before the app saw it, by Node's error code. */
export function unparsableRequest(code: string | undefined): ErrorReply {
  if (code === 'HPE_HEADER_OVERFLOW') return { code: 'headers_too_large', status: 431, body: { message: '431 Request Header Fields Too Large' } }
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return { code: 'request_timeout', status: 408, body: { message: '408 Request Timeout' } }
  return { code: 'not_http', status: 400, body: { message: '400 Bad request - the request is not valid HTTP' } }
}

/** A request the site checks refuse (a foreign Host, a cross-site write); `reason` says how to allow it. */
export function siteRefused(reason: string): ErrorReply {
  return { code: 'site_refused', status: 403, body: { message: `403 Forbidden - ${reason}` } }
}

/** A CORS preflight from an origin the --cors setting does not allow. */
export function originNotAllowed(origin: string, reason: string): ErrorReply {
  return { code: 'origin_not_allowed', status: 403, body: { message: `403 Forbidden - ${reason}`, origin } }
}

/** An X-Mock-Session value no header could carry as a session id. */
export function invalidSession(text: string): ErrorReply {
  return { code: 'invalid_session', status: 400, body: { message: `400 Bad request - ${text}` } }
}

/** Every session is serving a request and the cap allows no more: come back in a second. */
export function sessionsBusy(text: string): ErrorReply {
  return { code: 'sessions_busy', status: 503, headers: { 'Retry-After': '1' }, body: { message: `503 Service Unavailable - ${text}` } }
}

/** A page asked for a GitLab release the contract cannot describe. */
export function unknownRelease(text: string): ErrorReply {
  return { code: 'unknown_release', status: 400, body: { message: `400 Bad request - ${text}` } }
}

/** The state file could not be written, so the change was not applied. */
export class StateNotSavedError extends Error {
  constructor(readonly reason: string) {
    super(`the state file could not be written (${reason}); the change was not applied`)
    this.name = 'StateNotSavedError'
  }
}

/** A change the state file could not take: refused and not applied, so a retry is safe. */
export function stateNotSaved(reason: string): ErrorReply {
  return { code: 'state_not_saved', status: 503, body: { message: `503 Service Unavailable - ${reason}` } }
}

export const internalError: ErrorReply = { code: 'internal', status: 500, body: { message: '500 Internal Server Error' } }

/** Wording that differs between GitLab releases. */
export interface ReleaseWording {
  /** `404 Runner Not Found` (18.x) or `404 Not found` (older runner lookups). */
  runnerNotFound: string
}

/** Turns a domain error into GitLab's response; undefined for anything that is not a known domain error. */
export function errorReplyFor(error: unknown, wording?: ReleaseWording): ErrorReply | undefined {
  if (error instanceof UnauthorizedError) {
    if (error.reason === 'expired') {
      return { code: 'token_expired', status: 401, body: { error: 'invalid_token', error_description: EXPIRED } }
    }
    if (error.reason === 'revoked') {
      return { code: 'token_revoked', status: 401, body: { error: 'invalid_token', error_description: REVOKED } }
    }
    return { code: 'unauthorized', status: 401, body: { message: '401 Unauthorized' } }
  }
  if (error instanceof InsufficientScopeError) {
    return {
      code: 'insufficient_scope',
      status: 403,
      body: { error: 'insufficient_scope', error_description: INSUFFICIENT_SCOPE, scope: error.requiredScopes.join(' ') },
    }
  }
  if (error instanceof ForbiddenError) {
    return { code: 'forbidden', status: 403, body: { message: error.reason ? `403 Forbidden - ${error.reason}` : '403 Forbidden' } }
  }
  if (error instanceof NotFoundError) {
    const message = error.resource === 'Runner' && wording ? wording.runnerNotFound : `404 ${error.resource} Not Found`
    return { code: 'not_found', status: 404, body: { message } }
  }
  if (error instanceof InvalidError) return { code: 'invalid_record', status: 400, body: { message: error.fields } }
  if (error instanceof BadRequestError) return { code: 'bad_request', status: 400, body: { message: error.text } }
  if (error instanceof BadRequestReasonError) return { code: 'bad_request', status: 400, body: { message: `400 Bad request - ${error.reason}` } }
  if (error instanceof ParamError) return { code: 'invalid_params', status: 400, body: { error: error.text } }
  if (error instanceof GoneError) return { code: 'gone', status: 410, body: { message: `410 Gone - ${error.reason}` } }
  if (error instanceof PreconditionFailedError) {
    return { code: 'precondition_failed', status: 412, body: { message: '412 Precondition Failed' } }
  }
  if (error instanceof MethodNotAllowedError) return { code: 'method_not_allowed', status: 405, body: { error: error.text } }
  // unprocessable_entity!('Runner is orphaned'), which render_api_error! wraps in {message} (lib/api/ci/runner.rb).
  if (error instanceof OrphanedRunnerError) return { code: 'runner_orphaned', status: 422, body: { message: 'Runner is orphaned' } }
  return undefined
}
