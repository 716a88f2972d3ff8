// The store's domain errors. They carry GitLab's meaning and reason text but no status code:
// server/errors.ts is the one place that turns them into HTTP responses.

export type UnauthorizedReason = 'missing' | 'unknown' | 'expired' | 'revoked'

/** No usable user credentials. */
export class UnauthorizedError extends Error {
  constructor(readonly reason: UnauthorizedReason) {
    super(`unauthorized: ${reason}`)
  }
}

/** The token is valid but lacks the scope the endpoint needs (OAuth's insufficient_scope). */
export class InsufficientScopeError extends Error {
  constructor(readonly requiredScopes: string[]) {
    super(`insufficient scope, needs one of ${requiredScopes.join(', ')}`)
  }
}

/** Authenticated but not allowed. `reason` is GitLab's reason, e.g. "No access granted"; none for a bare refusal. */
export class ForbiddenError extends Error {
  constructor(readonly reason?: string) {
    super(reason ? `forbidden: ${reason}` : 'forbidden')
  }
}

/** Resource missing or invisible to the caller. `resource` is e.g. "Runner", "Project". */
export class NotFoundError extends Error {
  constructor(readonly resource: string) {
    super(`${resource} not found`)
  }
}

/** A model validation failure: messages per field. */
export class InvalidError extends Error {
  constructor(readonly fields: Record<string, string[]>) {
    super(Object.entries(fields).map(([f, m]) => `${f} ${m.join(', ')}`).join('; '))
  }
}

/** A request GitLab's model refuses with a sentence of its own; `text` is that sentence. */
export class BadRequestError extends Error {
  constructor(readonly text: string) {
    super(text)
  }
}

/** A parameter Grape refuses; `text` is Grape's message. */
export class ParamError extends Error {
  constructor(readonly text: string) {
    super(text)
  }
}

/** The resource is gone for good, with GitLab's reason, e.g. "runner registration disallowed". */
export class GoneError extends Error {
  constructor(readonly reason: string) {
    super(`gone: ${reason}`)
  }
}

/** If-Unmodified-Since is older than the resource. */
export class PreconditionFailedError extends Error {
  constructor() {
    super('the resource changed after If-Unmodified-Since')
  }
}

/** The runner's owner is gone (a project runner whose owner project was deleted): GitLab refuses it as unprocessable. */
export class OrphanedRunnerError extends Error {
  constructor() {
    super('Runner is orphaned')
  }
}

/** A way of asking GitLab does not support here (pagination it cannot serve); `text` is its message. */
export class MethodNotAllowedError extends Error {
  constructor(readonly text: string) {
    super(text)
  }
}
