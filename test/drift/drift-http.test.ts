import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { createHttpClient, retryWait, TransportError } from '../../src/drift/http.js'

let server: Server | undefined
afterEach(async () => {
  server?.closeAllConnections()
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined))
  server = undefined
})

/** A GitLab that answers from a script, one reply per request, and remembers when each came. */
async function scripted(replies: { status: number; headers?: Record<string, string>; delayMs?: number }[]) {
  const seen: number[] = []
  server = createServer((_req, res) => {
    seen.push(Date.now())
    const reply = replies[Math.min(seen.length - 1, replies.length - 1)]!
    setTimeout(() => res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers }).end('{"message":"x"}'), reply.delayMs ?? 0)
  })
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
  return { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v4`, seen }
}

describe('talking to GitLab politely', () => {
  it('waits as long as Retry-After says on 429, then retries', async () => {
    const { baseUrl, seen } = await scripted([{ status: 429, headers: { 'retry-after': '1' } }, { status: 200 }])
    const exchange = await createHttpClient({ baseUrl, retryDelayMs: 5 }).send({ method: 'GET', path: '/runners' })
    expect(exchange.response.status).toBe(200)
    expect(seen).toHaveLength(2)
    expect(seen[1]! - seen[0]!).toBeGreaterThanOrEqual(950)
  })

  it('retries a GET on 5xx with backoff, but never a POST, which may have half-happened', async () => {
    const { baseUrl, seen } = await scripted([{ status: 503 }, { status: 502 }, { status: 200 }])
    const client = createHttpClient({ baseUrl, retryDelayMs: 5 })
    expect((await client.send({ method: 'GET', path: '/runners' })).response.status).toBe(200)
    expect(seen).toHaveLength(3)
    await new Promise((resolve) => server!.close(resolve))
    const again = await scripted([{ status: 500 }, { status: 201 }])
    expect((await createHttpClient({ baseUrl: again.baseUrl, retryDelayMs: 5 }).send({ method: 'POST', path: '/user/runners', body: {} })).response.status).toBe(500)
    expect(again.seen).toHaveLength(1)
  })

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2025-06-02T12:00:00.000Z')
    expect([retryWait('60', 500, now), retryWait('Mon, 02 Jun 2025 12:00:30 GMT', 500, now), retryWait(undefined, 500, now), retryWait('soon', 500, now)]).toEqual([60_000, 30_000, 500, 500])
  })

  it('gives up after the timeout with a transport error saying so', async () => {
    const { baseUrl } = await scripted([{ status: 200, delayMs: 2_000 }])
    const failure = await createHttpClient({ baseUrl, timeoutMs: 100, retries: 0 }).send({ method: 'GET', path: '/runners' }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(TransportError)
    expect({ failure: (failure as TransportError).failure, message: (failure as TransportError).message }).toEqual({ failure: 'timeout', message: `No answer from ${new URL(baseUrl).origin} within 100 ms` })
  })

  it('keeps no more requests in flight than --concurrency allows', async () => {
    let inFlight = 0
    let most = 0
    server = createServer((_req, res) => {
      most = Math.max(most, ++inFlight)
      setTimeout(() => {
        inFlight--
        res.writeHead(200, { 'content-type': 'application/json' }).end('[]')
      }, 20)
    })
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    const client = createHttpClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v4`, concurrency: 2 })
    await Promise.all(Array.from({ length: 8 }, () => client.send({ method: 'GET', path: '/runners' })))
    expect(most).toBe(2)
  })
})
