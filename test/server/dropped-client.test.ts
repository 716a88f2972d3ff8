// A client that leaves while its body is still arriving: nothing is answered, the journal says the
// request was dropped (status 0), and its session is free again to be evicted.
import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import { startTestMock } from '../helpers/start-mock.js'

const ADMIN = 'glpat-admin-0000000000000'
const mock = await startTestMock({ maxSessions: 1 })

/** Sends a request head and half its body, then closes the connection. */
function leaveMidBody(headers: Record<string, string>): Promise<void> {
  const head = Object.entries({ Host: '127.0.0.1', 'PRIVATE-TOKEN': ADMIN, 'Content-Type': 'application/json', 'Content-Length': '100', ...headers })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')
  return new Promise((resolve, reject) => {
    const socket = connect(mock.port, '127.0.0.1', () => {
      socket.write(`PUT /api/v4/runners/10 HTTP/1.1\r\n${head}\r\n{"description":`, () => socket.destroy())
    })
    socket.once('close', () => resolve())
    socket.once('error', reject)
  })
}

async function until<T>(read: () => T, done: (value: T) => boolean): Promise<T> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const value = read()
    if (done(value)) return value
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  return read()
}

describe('a client that leaves mid-body', () => {
  it('is journaled as dropped, with no status', async () => {
    mock.clearJournal()
    await leaveMidBody({})
    const journal = await until(() => mock.journal(), (entries) => entries.length > 0)
    expect(journal.map((entry) => [entry.method, entry.path, entry.status])).toEqual([['PUT', '/api/v4/runners/10', 0]])
  })

  it('leaves its session free to be evicted for a new one', async () => {
    await leaveMidBody({ 'X-Mock-Session': 'gone' })
    await until(() => mock.session('gone').journal(), (entries) => entries.length > 0)
    const { status } = await mock.call('GET', '/runners/10', { token: ADMIN, headers: { 'X-Mock-Session': 'next' } })
    expect(status).toBe(200)
  })
})
