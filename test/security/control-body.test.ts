// The control API judges a body by its headers before reading it: JSON only, and small except for an
// imported state. A huge upload in another type, or too large, is refused at once, not buffered.
import { request } from 'node:http'
import { describe, expect, it } from 'vitest'
import { startTestMock } from '../helpers/start-mock.js'
import { rawRequest } from './raw-http.js'

/** Sends the head and a first chunk of a body that claims `declared` bytes, and answers as soon as the mock does. */
function answerBeforeBody(port: number, path: string, contentType: string, declared: number | 'chunked'): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'Content-Type': contentType }
    if (declared !== 'chunked') headers['Content-Length'] = String(declared)
    const req = request({ host: '127.0.0.1', port, method: 'POST', path, headers, agent: false }, (res) => {
      let text = ''
      res.on('data', (chunk: Buffer) => (text += chunk.toString()))
      res.on('end', () => {
        req.destroy()
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown })
      })
    })
    req.on('error', reject)
    req.write('{"by":"1h"')
  })
}

describe('control API bodies', async () => {
  const mock = await startTestMock()

  it.each([
    ['a form', 'application/x-www-form-urlencoded', 'name=empty'],
    ['text', 'text/plain', '{"name":"empty"}'],
    ['multipart', 'multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nempty\r\n--x--\r\n'],
  ])('takes JSON only: %s gets 415', async (_what, contentType, body) => {
    const response = await rawRequest(mock.port, { method: 'POST', path: '/__mock/scenario', headers: { 'Content-Type': contentType }, body })
    expect(response.status).toBe(415)
    expect(JSON.parse(response.text)).toEqual({ error: `The provided content-type '${contentType.split(';')[0]}' is not supported.` })
  })

  it('refuses a 400 MB text upload from its headers alone', { timeout: 15_000 }, async () => {
    expect(await answerBeforeBody(mock.port, '/__mock/clock/advance', 'text/plain', 400 * 1024 * 1024)).toEqual({
      status: 415,
      body: { error: "The provided content-type 'text/plain' is not supported." },
    })
  })

  it('refuses a chunked text upload before reading it', { timeout: 15_000 }, async () => {
    expect((await answerBeforeBody(mock.port, '/__mock/clock/advance', 'text/plain', 'chunked')).status).toBe(415)
  })

  it('refuses a 100 MB JSON body to anything but a state import from its Content-Length', { timeout: 15_000 }, async () => {
    expect(await answerBeforeBody(mock.port, '/__mock/clock/advance', 'application/json', 100 * 1024 * 1024)).toEqual({
      status: 413,
      body: { message: '413 Request Entity Too Large - body exceeds 1048576 bytes' },
    })
  })

  it('still imports a state of several megabytes', async () => {
    // Whitespace pads the export past the 1 MiB other control requests may send.
    const body = JSON.stringify(mock.exportState()) + ' '.repeat(3 * 1024 * 1024)
    const response = await rawRequest(mock.port, { method: 'PUT', path: '/__mock/state', headers: { 'Content-Type': 'application/json' }, body })
    expect(response.status).toBe(204)
  })
})
