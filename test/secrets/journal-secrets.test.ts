// The journal over HTTP keeps no credential, however a client sends it.
import { describe, expect, it } from 'vitest'
import { send, startTestMock } from '../helpers/start-mock.js'
import { control } from '../control/control-client.js'

const ADMIN = 'glpat-admin-0000000000000'
const mock = await startTestMock()

describe('the journal masks credentials', () => {
  it('an Authorization header without a scheme, and PRIVATE_TOKEN in any case', async () => {
    await send(mock.url, 'GET', '/runners/all?per_page=1', { headers: { Authorization: ADMIN } })
    await send(mock.url, 'GET', `/runners/all?PRIVATE_TOKEN=${ADMIN}&per_page=1`)
    await send(mock.url, 'GET', `/runners/all?per_page=1&Private_Token=${ADMIN}`)
    await send(mock.url, 'POST', '/runners/verify', { form: { TOKEN: 'opaque-runner-credential' } })
    const { body } = await control(mock, 'GET', '/journal')
    const entries = (body as { entries: Array<{ path: string; headers: Record<string, string>; body: unknown; response: { headers: Record<string, string> } }> }).entries
    expect(entries.map((entry) => [entry.path, entry.headers, entry.body])).toEqual([
      ['/api/v4/runners/all?per_page=1', { authorization: '[REDACTED]' }, null],
      ['/api/v4/runners/all?PRIVATE_TOKEN=[REDACTED]&per_page=1', {}, null],
      ['/api/v4/runners/all?per_page=1&Private_Token=[REDACTED]', {}, null],
      ['/api/v4/runners/verify', { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' }, { TOKEN: '[REDACTED]' }],
    ])
    const text = JSON.stringify(entries)
    expect(text).not.toContain(ADMIN)
    expect(text).not.toContain('opaque-runner-credential')
  })
})
