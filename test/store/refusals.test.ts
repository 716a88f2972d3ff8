// Store errors are answers the client hears (404, 401, 403…), not failures: they carry no stack, and
// making one leaves the process's stack depth as it was.
import { describe, expect, it } from 'vitest'
import { ForbiddenError, NotFoundError, StoreRefusal, UnauthorizedError } from '../../src/store/errors.js'

describe('store refusals', () => {
  it('capture no stack frames', () => {
    for (const refusal of [new NotFoundError('Runner'), new UnauthorizedError('unknown'), new ForbiddenError()]) {
      expect(refusal).toBeInstanceOf(StoreRefusal)
      expect(refusal.stack ?? '').not.toMatch(/\n\s+at /)
    }
  })

  it('leave the stack depth of other errors alone', () => {
    const before = Error.stackTraceLimit
    void new NotFoundError('Runner')
    expect(Error.stackTraceLimit).toBe(before)
    expect(new Error('a real failure').stack).toMatch(/\n\s+at /)
  })

  it('keep their message', () => {
    const refusal = new NotFoundError('Runner')
    expect(refusal.message).toBe('Runner not found')
    expect(refusal).toBeInstanceOf(Error)
  })
})
