// The store's domain errors. They carry GitLab's meaning and reason text but no status code:
// server/errors.ts is the one place that turns them into HTTP responses.

export type UnauthorizedReason = 'missing' | 'unknown' | 'expired' | 'revoked'

/** No usable user credentials (401). */
export class UnauthorizedError extends Error {
  constructor(readonly reason: UnauthorizedReason) {
    super(`unauthorized: ${reason}`)
  }
}

/** The token is valid but lacks the scope the endpoint needs (403 insufficient_scope). */
export class InsufficientScopeError extends Error {
  constructor(readonly requiredScopes: string[]) {
    super(`insufficient scope, needs one of ${requiredScopes.join(', ')}`)
  }
}

/** Authenticated but not allowed (403). `reason` is GitLab's text after "403 Forbidden - ". */
export class ForbiddenError extends Error {
  constructor(readonly reason?: string) {
    super(reason ? `403 Forbidden - ${reason}` : '403 Forbidden')
  }
}

/** Resource missing or invisible to the caller (404). `resource` is e.g. "Runner", "Project". */
export class NotFoundError extends Error {
  constructor(readonly resource: string) {
    super(`404 ${resource} Not Found`)
  }
}

/** A model validation failure (400 with `{"message": {field: [messages]}}`). */
export class InvalidError extends Error {
  constructor(readonly fields: Record<string, string[]>) {
    super(Object.entries(fields).map(([f, m]) => `${f} ${m.join(', ')}`).join('; '))
  }
}

/** A 400 whose body is `{"message": <text>}`; `text` is sent exactly as given. */
export class BadRequestError extends Error {
  constructor(readonly text: string) {
    super(text)
  }
}

/** A 400 parameter error in Grape's shape `{"error": <text>}`. */
export class ParamError extends Error {
  constructor(readonly text: string) {
    super(text)
  }
}

/** 410 Gone with GitLab's reason, e.g. "runner registration disallowed". */
export class GoneError extends Error {
  constructor(readonly reason: string) {
    super(`410 Gone - ${reason}`)
  }
}

/** If-Unmodified-Since is older than the resource (412). */
export class PreconditionFailedError extends Error {
  constructor() {
    super('412 Precondition Failed')
  }
}

/** The runner's owner is gone (a project runner whose owner project was deleted): GitLab answers 422. */
export class OrphanedRunnerError extends Error {
  constructor() {
    super('Runner is orphaned')
  }
}

/** 405 with `{"error": <text>}`, as GitLab answers unsupported pagination requests. */
export class MethodNotAllowedError extends Error {
  constructor(readonly text: string) {
    super(text)
  }
}
