// The store speaks in domain reasons; statuses and GitLab's status lines belong to server/errors.ts.
import { describe, expect, it } from 'vitest'
import { errorReplyFor } from '../../src/server/errors.js'
import { ForbiddenError, GoneError, NotFoundError, PreconditionFailedError } from '../../src/store/errors.js'

describe('store errors', () => {
  const errors = [new ForbiddenError('No access granted'), new ForbiddenError(), new NotFoundError('Runner'), new GoneError('runner registration disallowed'), new PreconditionFailedError()]

  it('carry no HTTP status in their messages', () => {
    expect(errors.filter((error) => /\b[1-5]\d\d\b|Forbidden|Not Found|Gone/.test(error.message)).map((error) => error.message)).toEqual([])
  })

  it('become GitLab bodies in the server catalogue', () => {
    expect(errors.map((error) => errorReplyFor(error)).map((reply) => [reply?.status, reply?.body])).toEqual([
      [403, { message: '403 Forbidden - No access granted' }],
      [403, { message: '403 Forbidden' }],
      [404, { message: '404 Runner Not Found' }],
      [410, { message: '410 Gone - runner registration disallowed' }],
      [412, { message: '412 Precondition Failed' }],
    ])
  })
})
