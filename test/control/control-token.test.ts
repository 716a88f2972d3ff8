// The control API can rewrite the whole state, so off loopback it needs a token, and the mock refuses
// to start on a non-loopback address without one.
import { spawn } from 'node:child_process'
import { afterAll, describe, expect, it } from 'vitest'
import { ControlTokenError, startMock } from '../../src/index.js'
import { control } from './control-client.js'

const BIN = new URL('../../bin/gitlab-runners-mock.js', import.meta.url).pathname
const TOKEN = 'control-secret-123'
const mock = await startMock({ controlToken: TOKEN, log: () => {} })
afterAll(() => mock.close())

describe('the control token', () => {
  it('is required on every control request once set, and a wrong one is refused alike', async () => {
    const refused = { status: 401, body: { message: '401 Unauthorized - send the control token in the X-Mock-Control-Token header' } }
    expect(await control(mock, 'GET', '/clock')).toEqual(refused)
    expect(await control(mock, 'POST', '/reset', { controlToken: 'control-secret-124' })).toEqual(refused)
    expect((await control(mock, 'GET', '/faults', { controlToken: TOKEN })).status).toBe(200)
  })

  it('is not needed by GitLab API requests', async () => {
    const response = await fetch(`${mock.url}/runners/all?per_page=1`, { headers: { 'PRIVATE-TOKEN': 'glpat-admin-0000000000000' } })
    expect(response.status).toBe(200)
  })

  it('must be given to start on a non-loopback address', async () => {
    await expect(startMock({ host: '0.0.0.0', port: 0 })).rejects.toThrow(ControlTokenError)
    await expect(startMock({ host: '0.0.0.0', port: 0 })).rejects.toThrow(
      "refusing to listen on 0.0.0.0 without a control token: anyone who reaches it could rewrite the mock's state (pass --control-token)",
    )
  })

  it('makes `serve --host 0.0.0.0` exit 2 with the reason when missing', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--host', '0.0.0.0', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    expect([code, output]).toEqual([
      2,
      "refusing to listen on 0.0.0.0 without a control token: anyone who reaches it could rewrite the mock's state (pass --control-token)\n",
    ])
  })
})
