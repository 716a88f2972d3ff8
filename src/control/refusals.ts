// What the control plane refuses, as errors a program can catch: a session beyond the cap, a change the
// state file could not take. Kept apart from plane.ts, which speaks Express, so the public types of
// startMock() stay free of it.

/** Every session is serving a request and the cap allows no more. */
export class SessionLimitError extends Error {}

// Defined beside the 503 it becomes: the server answers it and imports nothing of the control plane.
export { StateNotSavedError } from '../server/errors.js'
