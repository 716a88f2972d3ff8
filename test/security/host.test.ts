// DNS rebinding: a page on attacker.example whose name later resolves to 127.0.0.1 reaches the mock
// with its own name in Host. Only loopback names and hosts the user allowed are served.
import { describe, expect, it } from 'vitest'
import { startTestMock } from '../helpers/start-mock.js'
import { rawRequest } from './raw-http.js'

const ADMIN = 'glpat-admin-0000000000000'

describe('the Host header', async () => {
  const mock = await startTestMock()

  it.each(['attacker.example:PORT', 'attacker.example', '192.168.1.20:PORT', 'localhost.attacker.example', 'localhost@attacker.example', 'localhost:PORT/x'])(
    'refuses Host %s with a JSON 403 that echoes nothing of the state',
    async (host) => {
      for (const path of ['/__mock/state', '/api/v4/runners/all?per_page=1']) {
        const response = await rawRequest(mock.port, { path, headers: { Host: host.replace('PORT', String(mock.port)), 'PRIVATE-TOKEN': ADMIN } })
        expect(response.status).toBe(403)
        expect(response.headers.link).toBeUndefined()
        expect(JSON.parse(response.text)).toEqual({
          message: `403 Forbidden - Host ${host.replace('PORT', String(mock.port))} is not allowed; the mock answers loopback names (localhost, *.localhost, 127.0.0.1, [::1]) and hosts given with --allowed-host`,
        })
      }
    },
  )

  it.each(['localhost:PORT', 'LOCALHOST:PORT', '127.0.0.1:PORT', '[::1]:PORT', 'app.localhost:PORT', '127.0.0.1'])('serves Host %s', async (host) => {
    const response = await rawRequest(mock.port, { path: '/api/v4/runners/all?per_page=1', headers: { Host: host.replace('PORT', String(mock.port)), 'PRIVATE-TOKEN': ADMIN } })
    expect(response.status).toBe(200)
  })
})

describe('--allowed-host', async () => {
  const mock = await startTestMock({ allowedHosts: ['mock.internal', 'gitlab.test:8443'] })

  it('serves an allowed name on any port, and links back to it', async () => {
    const response = await rawRequest(mock.port, { path: '/api/v4/runners/all?per_page=1', headers: { Host: 'mock.internal:4600', 'PRIVATE-TOKEN': ADMIN } })
    expect(response.status).toBe(200)
    expect(response.headers.link).toContain('<http://mock.internal:4600/api/v4/runners/all?')
  })

  it('holds a name given with a port to that port', async () => {
    expect((await rawRequest(mock.port, { path: '/__mock/clock', headers: { Host: 'gitlab.test:8443' } })).status).toBe(200)
    expect((await rawRequest(mock.port, { path: '/__mock/clock', headers: { Host: 'gitlab.test:9999' } })).status).toBe(403)
  })

  it('lets the mock\'s own pages on an allowed host write (same origin)', async () => {
    const response = await rawRequest(mock.port, { method: 'POST', path: '/__mock/reset', headers: { Host: 'mock.internal:4600', Origin: 'http://mock.internal:4600' } })
    expect(response.status).toBe(204)
  })

  it('still refuses other names', async () => {
    expect((await rawRequest(mock.port, { path: '/__mock/clock', headers: { Host: 'attacker.example' } })).status).toBe(403)
  })
})
