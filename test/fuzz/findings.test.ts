// What the fuzz run found, each pinned by a test of its own so it stays found.
import { describe, expect, it } from 'vitest'
import { startTestMock } from '../helpers/start-mock.js'
import { parseRawResponse, rawRequest, socketExchange } from '../security/raw-http.js'

const ADMIN = 'glpat-admin-0000000000000'

describe('fuzz findings', async () => {
  const mock = await startTestMock()

  it('answers a page number past 2^53 with digits in X-Page and Link, not 1e+23', async () => {
    const response = await fetch(`${mock.url}/runners/all?page=99999999999999999999999`, { headers: { 'PRIVATE-TOKEN': ADMIN } })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual([])
    expect(response.headers.get('x-page')).toMatch(/^\d+$/)
    expect(response.headers.get('link')).not.toContain('e+')
  })

  it('keeps the links of a request that repeats one parameter 800 times within the headers a client reads', async () => {
    const response = await rawRequest(mock.port, { path: `/api/v4/runners/all?${'scope=shared&'.repeat(800)}per_page=1`, headers: { 'PRIVATE-TOKEN': ADMIN } })
    expect(response.status).toBe(200)
    expect(String(response.headers.link)).toContain('per_page=1&scope%5B%5D=shared>; rel="next"')
  })

  it('answers an oversized HEAD request with headers only, as HEAD answers must be', async () => {
    const { text, reset } = await socketExchange(mock.port, `HEAD /api/v4/runners?${'a'.repeat(20_000)} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`)
    expect(reset).toBe(false)
    const response = parseRawResponse(text)
    expect(response.status).toBe(431)
    expect(response.headers['content-type']).toBe('application/json')
    expect(response.body).toBe('')
  })
})
