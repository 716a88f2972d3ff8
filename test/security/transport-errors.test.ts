// Requests Node's HTTP parser refuses before the app sees them still get a JSON body in GitLab's
// shape and an orderly close, never an empty answer or a reset.
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

  it('keeps serving afterwards', async () => {
    await socketExchange(mock.port, 'FROB / HTTP/1.1\r\n\r\n')
    expect((await fetch(`${mock.url}/runners/all`, { headers: { 'PRIVATE-TOKEN': 'glpat-admin-0000000000000' } })).status).toBe(200)
  })
})
