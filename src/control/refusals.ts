// What the control plane refuses, as errors a program can catch: a session beyond the cap, a change the
// state file could not take. Kept apart from plane.ts, which speaks Express, so the public types of
// startMock() stay free of it.

/** Every session is serving a request and the cap allows no more. */
export class SessionLimitError extends Error {}

// Defined beside the 503 it becomes: the server answers it and imports nothing of the control plane.
export { StateNotSavedError } from '../server/errors.js'

/**
 * A control request outside what openapi/control.yaml allows (a fault status of 999, a journal limit
 * of 0): 400 over HTTP, thrown by startMock()'s methods with the same words.
 */
export class ControlParamsError extends RangeError {
  constructor(message: string) {
    super(message)
    this.name = 'ControlParamsError'
  }
}

/** The fault, session, group or project a control request names does not exist: 404 over HTTP. */
export class NotFoundRefusal extends RangeError {
  constructor(readonly what: string) {
    super(`${what} Not Found`)
    this.name = 'NotFoundRefusal'
  }
}
