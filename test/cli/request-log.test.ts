// serve's request log: one line per request with method, path, status, duration, operation, session and
// findings; JSON or pretty; never a token, whether it came in a header, the query or the body.
import { describe, expect, it } from 'vitest'
import { batchedLog, defaultRequestLogFormat, formatPretty, type RequestLogEntry } from '../../src/control/request-log.js'
import { startCli } from '../drift/spawn-cli.js'

const ADMIN = 'glpat-admin-0000000000000'

async function serveWithLog(args: string[]): Promise<{ url: string; lines: () => string[]; stop: () => Promise<void> }> {
  const { child, done } = startCli(['serve', '--port', '0', ...args])
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /on (http:\/\/\S+\/api\/v4)/.exec(output)
      if (match && output.includes('Health:')) resolve(match[1]!)
    })
    void done.then((result) => reject(new Error(`serve exited: ${result.stderr}`)))
  })
  const banner = output.length
  return {
    url,
    lines: () => output.slice(banner).split('\n').filter((line) => line.trim() !== ''),
    stop: async () => {
      child.kill('SIGTERM')
      await done
    },
  }
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20))
}

describe('serve --log', () => {
  it('json: one line per request with its facts, and no secret from a header, the query or the body', async () => {
    const serve = await serveWithLog(['--log', 'json'])
    try {
      await fetch(`${serve.url}/runners/all?private_token=${ADMIN}&per_page=2`)
      await fetch(`${serve.url}/runners/verify`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Mock-Session': 'checkout test' },
        body: JSON.stringify({ token: 'glrt-secret-runner-token' }),
      })
      await fetch(`${serve.url}/no/such/route`, { headers: { 'PRIVATE-TOKEN': ADMIN } })
      await fetch(`${serve.url.replace('/api/v4', '/__mock/health')}`)
      await until(() => serve.lines().length >= 3)
      const text = serve.lines().join('\n')
      expect(text).not.toContain(ADMIN)
      expect(text).not.toContain('glrt-secret')
      const entries = serve.lines().map((line) => JSON.parse(line) as RequestLogEntry)
      expect(entries.map((e) => [e.method, e.path, e.status, e.operationId, e.session, e.findings])).toEqual([
        ['GET', '/api/v4/runners/all?private_token=[REDACTED]&per_page=2', 200, 'listAllRunners', null, 0],
        ['POST', '/api/v4/runners/verify', 403, 'verifyRunner', 'checkout test', 0],
        ['GET', '/api/v4/no/such/route', 404, null, null, 0],
      ])
      for (const entry of entries) expect(entry.durationMs).toBeGreaterThanOrEqual(0)
    } finally {
      await serve.stop()
    }
  })

  it('off: nothing after the banner', async () => {
    const serve = await serveWithLog(['--log', 'off'])
    try {
      expect((await fetch(`${serve.url}/runners/all`)).status).toBe(401)
      expect(serve.lines()).toEqual([])
    } finally {
      await serve.stop()
    }
  })
})

describe('the request log format', () => {
  const entry: RequestLogEntry = {
    at: '2025-06-02T12:00:01.000Z', method: 'GET', path: '/api/v4/runners/all?page=2', status: 200, durationMs: 3.1,
    operationId: 'listAllRunners', session: 'checkout', findings: 1, fault: null,
  }

  it('pretty: a short readable line', () => {
    expect(formatPretty(entry)).toBe('12:00:01 GET /api/v4/runners/all?page=2 200 3.1ms listAllRunners session="checkout" findings=1')
    expect(formatPretty({ ...entry, session: null, findings: 0, status: 0 })).toBe('12:00:01 GET /api/v4/runners/all?page=2 dropped 3.1ms listAllRunners')
  })

  it('writes the lines of one turn of the event loop in one write, in order', async () => {
    const writes: string[] = []
    const log = batchedLog((entry) => entry.path, (text) => writes.push(text))
    log({ ...entry, path: '/a' })
    log({ ...entry, path: '/b' })
    expect(writes).toEqual([])
    await new Promise((resolve) => setImmediate(resolve))
    log({ ...entry, path: '/c' })
    await new Promise((resolve) => setImmediate(resolve))
    expect(writes).toEqual(['/a\n/b\n', '/c\n'])
  })

  it('is pretty on a terminal and JSON otherwise', () => {
    expect([defaultRequestLogFormat(true), defaultRequestLogFormat(false)]).toEqual(['pretty', 'json'])
  })
})
