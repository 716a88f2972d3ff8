// What counts as a secret, decided once (src/secrets) and applied the same way by every printer.
import { describe, expect, it } from 'vitest'
import { createRedactor as driftRedactor } from '../../src/drift/redact.js'
import { isSecretHeader, isSecretKey, maskHeader } from '../../src/secrets/secrets.js'
import { createRedactor, redactHeaders, redactText, redactValue } from '../../src/secrets/redact.js'

const M = '[REDACTED]'

describe('what counts as a secret', () => {
  it.each([
    'token', 'private_token', 'PRIVATE_TOKEN', 'Private_Token', 'runners_token', 'job_token', 'runner_token', 'registration_token',
    'runners_registration_token', 'authentication_token', 'access_token', 'password', 'token[]', 'new_runner_token', 'client_secret',
  ])('the key %s', (key) => {
    expect(isSecretKey(key)).toBe(true)
  })

  it.each(['description', 'token_expires_at', 'tag_list', 'tokens_count', 'paused', 'access_level'])('not the key %s', (key) => {
    expect(isSecretKey(key)).toBe(false)
  })

  it.each(['Authorization', 'authorization', 'PRIVATE-TOKEN', 'Job-Token', 'X-Mock-Control-Token', 'Proxy-Authorization', 'Cookie'])('the header %s', (name) => {
    expect(isSecretHeader(name)).toBe(true)
  })

  it('keeps a known Authorization scheme and masks a bare credential whole', () => {
    expect([
      maskHeader('Authorization', 'Bearer glpat-abcdefghijkl'),
      maskHeader('authorization', 'glpat-abcdefghijkl'),
      maskHeader('authorization', 'sometoken'),
      maskHeader('authorization', 'sometoken with spaces'),
      maskHeader('content-type', 'application/json'),
    ]).toEqual([`Bearer ${M}`, M, M, M, 'application/json'])
  })
})

describe('masking text', () => {
  it.each([
    ['a glpat-0123456789abcdef token', `a ${M} token`],
    ['glrt-0123456789abcdef and glrtr-0123456789abcdef', `${M} and ${M}`],
    ['registration GR1348941abcdefghijklmnop', `registration ${M}`],
    ['routable t1_abcdefghijklmnop', `routable ${M}`],
    ['/api/v4/runners?PRIVATE_TOKEN=abc&per_page=2', `/api/v4/runners?PRIVATE_TOKEN=${M}&per_page=2`],
    ['/api/v4/runners?per_page=2&Private_Token=abc', `/api/v4/runners?per_page=2&Private_Token=${M}`],
    ['<http://h/api/v4/runners?page=2&private_token=abc>; rel="next"', `<http://h/api/v4/runners?page=2&private_token=${M}>; rel="next"`],
    ['token=abc&description=x', `token=${M}&description=x`],
    ['description=x&runners_token=abc', `description=x&runners_token=${M}`],
    ['http://user:s3cret@gitlab.example/api/v4', `http://user:${M}@gitlab.example/api/v4`],
    ['cannot reach https://oauth2:pass@h.example:8443/x', `cannot reach https://oauth2:${M}@h.example:8443/x`],
    ['https://sometoken@h.example/', `https://${M}@h.example/`],
    ['{"token":"abc","description":"x"}', `{"token":"${M}","description":"x"}`],
    ['nothing secret here: tag_list=a,b', 'nothing secret here: tag_list=a,b'],
  ])('%s', (given, want) => {
    expect(redactText(given)).toBe(want)
  })
})

describe('masking values and headers', () => {
  it('masks secret-named keys at any depth and in any case, and token shapes anywhere', () => {
    expect(redactValue({ token: 'abc', nested: [{ Runners_Token: 'def', job_token: 42 }], note: 'see glrt-0123456789ab', token_expires_at: null, list: ['ok'] })).toEqual({
      token: M,
      nested: [{ Runners_Token: M, job_token: M }],
      note: `see ${M}`,
      token_expires_at: null,
      list: ['ok'],
    })
  })

  it('masks every value under a secret key, arrays included', () => {
    expect(redactValue({ 'token[]': ['a', 'b'] })).toEqual({ 'token[]': [M, M] })
  })

  it('masks credential headers and scrubs the others', () => {
    expect(redactHeaders({ authorization: 'abc', 'private-token': 'x', link: '<http://h/x?private_token=abc>; rel="next"', 'x-total': '3' })).toEqual({
      authorization: M,
      'private-token': M,
      link: `<http://h/x?private_token=${M}>; rel="next"`,
      'x-total': '3',
    })
  })

  it('masks values it was told about, and the drift checker uses the same redactor', () => {
    const redactor = createRedactor(['plain-secret-value'])
    expect(redactor.text('sent plain-secret-value and plain-secret%20value')).toBe(`sent ${M} and plain-secret%20value`)
    expect(driftRedactor).toBe(createRedactor)
  })
})
