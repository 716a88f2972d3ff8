// Who may use the control API: anyone on loopback, and with a token on any other address, because the
// control API can rewrite the whole state and read every request.

export class ControlTokenError extends Error {}

/** 127.0.0.0/8, ::1 and localhost: addresses no other machine can reach. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '::ffff:127.0.0.1' || /^127(\.\d{1,3}){3}$/.test(host)
}

/** Refuses a non-loopback host without a control token. */
export function requireControlToken(host: string, token: string | undefined): void {
  if (token !== undefined && token === '') throw new ControlTokenError('the control token must not be empty')
  if (token === undefined && !isLoopback(host)) {
    throw new ControlTokenError(`refusing to listen on ${host} without a control token: anyone who reaches it could rewrite the mock's state (pass --control-token)`)
  }
}
