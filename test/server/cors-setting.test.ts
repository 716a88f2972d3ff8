// What users configure for CORS is checked where they configure it (origins normalised, junk refused
// with a message saying what would do), and a preflight the setting refuses says why instead of a 404.
import { afterAll, describe, expect, it } from 'vitest'
import { CorsSettingError, startMock } from '../../src/index.js'
import { parseCorsSetting } from '../../src/server/cors-setting.js'
import { runCli } from '../drift/spawn-cli.js'

describe('--cors values', () => {
  it('normalises origins as a browser sends them: no trailing slash, lower-case host, no default port', () => {
    expect(parseCorsSetting('http://localhost:3000/, HTTPS://App.Example:443,http://localhost:3000')).toEqual(['http://localhost:3000', 'https://app.example'])
    expect([parseCorsSetting('local'), parseCorsSetting('*'), parseCorsSetting('none'), parseCorsSetting('false')]).toEqual(['local', '*', false, false])
  })

  it.each([
    ['foo', `'foo' is not an origin`],
    ['ftp://files.example', 'is not an http or https origin'],
    ['http://localhost:3000/app', `has more than scheme, host and port; a browser sends only those (did you mean http://localhost:3000?)`],
    ['http://localhost:3000,,http://a.example', 'an empty origin'],
    ['http://a.example,*', 'cannot be part of a list'],
  ])('refuses %s', (value, message) => {
    expect(() => parseCorsSetting(value)).toThrow(CorsSettingError)
    expect(() => parseCorsSetting(value)).toThrow(message)
  })

  it('serve refuses junk at start, naming the flag, and exits 2', async () => {
    const result = await runCli(['serve', '--port', '0', '--cors', 'foo'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(/^--cors: 'foo' is not an origin; use local, \*, none, or origins like http:\/\/localhost:3000/)
  })

  it('startMock refuses junk too', async () => {
    await expect(startMock({ cors: ['localhost:3000/x'] })).rejects.toThrow(CorsSettingError)
  })
})

describe('preflights', () => {
  const mocks = [startMock({ cors: ['http://localhost:3000/'], log: () => {} }), startMock({ log: () => {} })]
  afterAll(async () => Promise.all((await Promise.all(mocks)).map((mock) => mock.close())))
  const preflight = (url: string, origin: string) =>
    fetch(`${url}/runners/all`, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'private-token' } })

  it('a listed origin given with a trailing slash is allowed', async () => {
    const listed = await mocks[0]!
    const response = await preflight(listed.url, 'http://localhost:3000')
    expect([response.status, response.headers.get('access-control-allow-origin')]).toEqual([204, 'http://localhost:3000'])
  })

  it('an origin not allowed gets 403 naming it and how to allow it', async () => {
    const listed = await mocks[0]!
    const response = await preflight(listed.url, 'http://localhost:5173')
    expect(response.status).toBe(403)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
    expect(await response.json()).toEqual({
      origin: 'http://localhost:5173',
      message: '403 Forbidden - CORS: origin http://localhost:5173 is not allowed (allowed: http://localhost:3000). Start the mock with --cors http://localhost:3000,http://localhost:5173 (or startMock({ cors: [...] })) to allow it.',
    })
    const local = await mocks[1]!
    const remote = await preflight(local.url, 'https://app.example')
    expect(remote.status).toBe(403)
    expect(((await remote.json()) as { message: string }).message).toContain('allowed: local origins only')
  })
})
