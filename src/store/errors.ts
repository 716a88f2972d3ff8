// The store's domain errors. They carry GitLab's meaning and reason text but no status code:
// server/errors.ts is the one place that turns them into HTTP responses.

/**
 * An answer, not a failure: the client hears it and nobody reads its stack. Capturing one was 40 % of
 * serving a 404 (more with source maps), and most fuzzed or mistaken requests end in one of these.
 */
export abstract class StoreRefusal extends Error {
  constructor(message: string) {
    const depth = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    super(message)
    Error.stackTraceLimit = depth
  }
}

export type UnauthorizedReason = 'missing' | 'unknown' | 'expired' | 'revoked'

/** No usable user credentials. */
export class UnauthorizedError extends StoreRefusal {
  constructor(readonly reason: UnauthorizedReason) {
    super(`unauthorized: ${reason}`)
  }
}

/** The token is valid but lacks the scope the endpoint needs (OAuth's insufficient_scope). */
export class InsufficientScopeError extends StoreRefusal {
  constructor(readonly requiredScopes: string[]) {
    super(`insufficient scope, needs one of ${requiredScopes.join(', ')}`)
  }
}

/** Authenticated but not allowed. `reason` is GitLab's reason, e.g. "No access granted"; none for a bare refusal. */
export class ForbiddenError extends StoreRefusal {
  constructor(readonly reason?: string) {
    super(reason ? `forbidden: ${reason}` : 'forbidden')
  }
}

/** Resource missing or invisible to the caller. `resource` is e.g. "Runner", "Project". */
export class NotFoundError extends StoreRefusal {
  constructor(readonly resource: string) {
    super(`${resource} not found`)
  }
}

/** A model validation failure: messages per field. */
export class InvalidError extends StoreRefusal {
  constructor(readonly fields: Record<string, string[]>) {
    super(Object.entries(fields).map(([f, m]) => `${f} ${m.join(', ')}`).join('; '))
  }
}

/** A request GitLab refuses with `render_api_error!(text, 400)`: `text` is the whole message, sent as it is. */
export class BadRequestError extends StoreRefusal {
  constructor(readonly text: string) {
    super(text)
  }
}

/** GitLab's `bad_request!(reason)`: a request refused with a reason of its own, e.g. "Missing/invalid group". */
export class BadRequestReasonError extends StoreRefusal {
  constructor(readonly reason: string) {
    super(`bad request: ${reason}`)
  }
}

/** A parameter Grape refuses; `text` is Grape's message. */
export class ParamError extends StoreRefusal {
  constructor(readonly text: string) {
    super(text)
  }
}

/** The resource is gone for good, with GitLab's reason, e.g. "runner registration disallowed". */
export class GoneError extends StoreRefusal {
  constructor(readonly reason: string) {
    super(`gone: ${reason}`)
  }
}

/** If-Unmodified-Since is older than the resource. */
export class PreconditionFailedError extends StoreRefusal {
  constructor() {
    super('the resource changed after If-Unmodified-Since')
  }
}

/** The runner's owner is gone (a project runner whose owner project was deleted): GitLab refuses it as unprocessable. */
export class OrphanedRunnerError extends StoreRefusal {
  constructor() {
    super('Runner is orphaned')
  }
}

/** A way of asking GitLab does not support here (pagination it cannot serve); `text` is its message. */
export class MethodNotAllowedError extends StoreRefusal {
  constructor(readonly text: string) {
    super(text)
  }
}
