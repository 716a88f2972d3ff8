// Requests Node's HTTP parser refuses before the app sees them still get a JSON body in GitLab's
// shape and an orderly close, never an empty answer or a reset.
import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import { startTestMock } from '../helpers/start-mock.js'
import { parseRawResponse, socketExchange } from './raw-http.js'

describe("Node's own transport errors", async () => {
  const mock = await startTestMock()

  it.each([
    ['an oversized head', `GET /api/v4/runners?x=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`, 431, '431 Request Header Fields Too Large'],
    ['a header block past the limit', `GET /api/v4/runners HTTP/1.1\r\nHost: 127.0.0.1\r\n${'X-Pad: y\r\n'.repeat(3000)}\r\n`, 431, '431 Request Header Fields Too Large'],
    ['an unknown method', 'FROB /api/v4/runners HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', 400, '400 Bad request - the request is not valid HTTP'],
    ['raw invalid bytes', Buffer.from([0x00, 0xff, 0x13, 0x37, 0x0d, 0x0a, 0x0d, 0x0a]), 400, '400 Bad request - the request is not valid HTTP'],
    ['a header with a control character', 'GET /api/v4/runners HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Bad: a\u0001b\r\n\r\n', 400, '400 Bad request - the request is not valid HTTP'],
  ])('answers %s with a JSON body and closes cleanly', async (_what, bytes, status, message) => {
    const { text, reset } = await socketExchange(mock.port, bytes)
    expect(reset).toBe(false)
    const response = parseRawResponse(text)
    expect(response.status).toBe(status)
    expect(response.headers['content-type']).toBe('application/json')
    expect(response.headers.connection).toBe('close')
    expect(JSON.parse(response.body)).toEqual({ message })
  })

  it('takes a client that leaves halfway through its body for no internal error', async () => {
    const head = 'PUT /api/v4/runners/1 HTTP/1.1\r\nHost: 127.0.0.1\r\nPRIVATE-TOKEN: glpat-admin-0000000000000\r\n'
    await new Promise<void>((resolve) => {
      const socket = connect(mock.port, '127.0.0.1', () => {
        socket.write(`${head}Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"descr`)
        setImmediate(() => socket.destroy())
      })
      socket.on('close', () => resolve())
    })
    // The mock notices the abort on its own time: wait for the journal to have it.
    await expect.poll(() => mock.journal().length).toBeGreaterThan(0)
    expect(mock.logs.filter((line) => line.startsWith('internal error'))).toEqual([])
    expect(mock.journal().at(-1)?.status).not.toBe(500)
  })

  it('keeps serving afterwards', async () => {
    await socketExchange(mock.port, 'FROB / HTTP/1.1\r\n\r\n')
    expect((await fetch(`${mock.url}/runners/all`, { headers: { 'PRIVATE-TOKEN': 'glpat-admin-0000000000000' } })).status).toBe(200)
  })
})
