// The journal keeps requests as bytes: what it reads back is exactly what was served (any text, any
// size), and its byte budget drops the oldest entries first, never the newest.
import { describe, expect, it } from 'vitest'
import { Journal, type JournalEntry, type ServedRequest } from '../../src/control/journal.js'
import { redactValue } from '../../src/secrets/redact.js'
import { send, startTestMock } from '../helpers/start-mock.js'
import { control } from './control-client.js'

const ADMIN = 'glpat-admin-0000000000000'
const AT = Date.UTC(2025, 5, 2, 12, 0, 0)

function served(overrides: Partial<ServedRequest> = {}): ServedRequest {
  return {
    at: AT,
    method: 'GET',
    originalUrl: '/api/v4/runners/5',
    status: 200,
    durationMs: 0.25,
    operationId: 'getRunner',
    headers: { 'private-token': ADMIN, accept: '*/*' },
    response: { headers: { 'content-type': 'application/json' }, text: '{"id":5}' },
    ...overrides,
  }
}

/** A request whose body makes it about `chars` bytes stored (ASCII). */
function sized(chars: number, n: number): ServedRequest {
  return served({ method: 'POST', originalUrl: `/api/v4/user/runners?n=${n}`, body: { description: 'x'.repeat(chars) } })
}

const seqs = (journal: Journal) => journal.list().map((entry) => entry.seq)

describe('the journal reads back what was served', () => {
  it('every field, unicode and lone surrogates included, redacted on read', () => {
    const journal = new Journal(10)
    const text = 'Café ☕ 日本語 🦊 \ud800 end'
    journal.record(
      served({
        at: AT + 1,
        method: 'PUT',
        originalUrl: `/api/v4/runners/5?private_token=${ADMIN}&q=caf%C3%A9&raw=é`,
        status: 403,
        durationMs: 12.34,
        operationId: 'updateRunner',
        headers: { 'private-token': ADMIN, 'content-type': 'application/json', 'x-mock-session': 'tëst', sudo: ['a', 'b'], accept: 'ignored' },
        body: { description: text, tag_list: ['ü', '𝄞'], token: 'glrt-secret-0123456789', nested: { n: 1.5, ok: true, none: null } },
        response: {
          headers: { 'content-type': 'application/json', link: `<http://127.0.0.1/api/v4/runners?private_token=${ADMIN}>; rel="next"`, 'x-note': text },
          text: JSON.stringify({ message: `403 Forbidden ${text}` }),
        },
        fault: 'f1',
        username: 'jöhn',
        findings: ['body /: must have required property "id" ✗'],
        refusal: 'sessions_büsy',
      }),
    )
    expect(journal.list()).toEqual<JournalEntry[]>([
      {
        seq: 1,
        at: '2025-06-02T12:00:00.001Z',
        method: 'PUT',
        path: '/api/v4/runners/5?private_token=[REDACTED]&q=caf%C3%A9&raw=é',
        status: 403,
        durationMs: 12.34,
        operationId: 'updateRunner',
        headers: { 'private-token': '[REDACTED]', 'content-type': 'application/json', sudo: 'a, b', 'x-mock-session': 'tëst' },
        body: { description: text, tag_list: ['ü', '𝄞'], token: '[REDACTED]', nested: { n: 1.5, ok: true, none: null } },
        response: {
          headers: { 'content-type': 'application/json', link: '<http://127.0.0.1/api/v4/runners?private_token=[REDACTED]>; rel="next"', 'x-note': text },
          body: { message: `403 Forbidden ${text}` },
        },
        fault: 'f1',
        username: 'jöhn',
        findings: ['body /: must have required property "id" ✗'],
        refused: 'sessions_büsy',
      },
    ])
  })

  it('a request without answer, body or operation reads as nulls', () => {
    const journal = new Journal(10)
    journal.record(served({ status: 0, operationId: undefined, headers: {}, response: undefined }))
    expect(journal.list()).toEqual([
      {
        seq: 1,
        at: '2025-06-02T12:00:00.000Z',
        method: 'GET',
        path: '/api/v4/runners/5',
        status: 0,
        durationMs: 0.25,
        operationId: null,
        headers: {},
        body: null,
        response: { headers: {}, body: null },
        fault: null,
        username: null,
        findings: [],
        refused: null,
      },
    ])
  })

  it('large bodies and replies come back whole, and the ring keeps them in order as it grows', () => {
    const journal = new Journal(50)
    const big = (n: number) => ({ items: Array.from({ length: 500 }, (_, i) => ({ i, n, name: `runner ${i} ✓` })) })
    for (let n = 0; n < 20; n++) journal.record(served({ body: big(n), response: { headers: {}, text: JSON.stringify(big(n + 100)) } }))
    const entries = journal.list()
    expect(entries.map((entry) => entry.seq)).toEqual(Array.from({ length: 20 }, (_, n) => n + 1))
    entries.forEach((entry, n) => {
      expect(entry.body).toEqual(big(n))
      expect(entry.response.body).toEqual(big(n + 100))
    })
  })

  it('a stream listener gets the entry the list answers', () => {
    const journal = new Journal(10)
    const heard: JournalEntry[] = []
    journal.subscribe((entry) => heard.push(entry))
    journal.record(served({ body: { token: 'glrt-secret-0123456789', name: 'ñ' } }))
    expect(heard).toEqual(journal.list())
    expect(JSON.stringify(heard)).not.toContain('glrt-secret')
  })

  it('a journal that keeps nothing still tells its listeners, redacted', () => {
    const journal = new Journal(0)
    const heard: JournalEntry[] = []
    journal.subscribe((entry) => heard.push(entry))
    journal.record(served())
    expect(journal.list()).toEqual([])
    expect(heard.map((entry) => [entry.seq, entry.headers])).toEqual([[1, { 'private-token': '[REDACTED]' }]])
  })
})

describe('the journal byte budget', () => {
  it('drops the oldest entries first when the next one needs the bytes', () => {
    // Each entry is about 1.1 KB stored: three fit in 4 000 bytes, four do not.
    const journal = new Journal(100, 4_000)
    for (let n = 1; n <= 3; n++) journal.record(sized(1_000, n))
    expect(seqs(journal)).toEqual([1, 2, 3])
    journal.record(sized(1_000, 4))
    expect(seqs(journal)).toEqual([2, 3, 4])
    for (let n = 5; n <= 9; n++) journal.record(sized(1_000, n))
    expect(journal.list().map((entry) => entry.path)).toEqual(['/api/v4/user/runners?n=7', '/api/v4/user/runners?n=8', '/api/v4/user/runners?n=9'])
  })

  it('counts non-ASCII text at two bytes a character', () => {
    const journal = new Journal(100, 4_000)
    // About 1.75 KB each stored (950 bytes if it were one byte a character): two fit, three do not.
    for (let n = 1; n <= 3; n++) journal.record(served({ body: { description: 'é'.repeat(800) } }))
    expect(seqs(journal)).toEqual([2, 3])
  })

  it('keeps an entry larger than the whole budget alone, and drops it for the next one', () => {
    const journal = new Journal(100, 4_000)
    for (let n = 1; n <= 3; n++) journal.record(sized(100, n))
    journal.record(sized(10_000, 4))
    expect(journal.list().map((entry) => [entry.seq, (entry.body as { description: string }).description.length])).toEqual([[4, 10_000]])
    journal.record(sized(100, 5))
    expect(seqs(journal)).toEqual([5])
    journal.record(sized(100, 6))
    expect(seqs(journal)).toEqual([5, 6])
  })

  it('still keeps at most `limit` entries, and numbering goes on after a clear', () => {
    const journal = new Journal(2, 1_000_000)
    for (let n = 1; n <= 5; n++) journal.record(sized(10, n))
    expect(seqs(journal)).toEqual([4, 5])
    journal.clear()
    expect(journal.list()).toEqual([])
    journal.record(sized(10, 6))
    expect(seqs(journal)).toEqual([6])
  })
})

describe('journalBytes over HTTP', () => {
  it('a mock with a small journal budget keeps the newest requests that fit, the newest always', async () => {
    const mock = await startTestMock({ journalBytes: 16 * 1024 })
    // A details answer is about 1 KB stored.
    for (let id = 10; id < 30; id++) await send(mock.url, 'GET', `/runners/${id}`, { token: ADMIN })
    const kept = mock.journal()
    expect(kept.length).toBeGreaterThan(3)
    expect(kept.length).toBeLessThan(20)
    expect(kept.map((entry) => entry.path)).toEqual(Array.from({ length: kept.length }, (_, i) => `/api/v4/runners/${30 - kept.length + i}`))
    const description = 'x'.repeat(20 * 1024)
    const created = await send(mock.url, 'POST', '/user/runners', { token: ADMIN, body: { runner_type: 'instance_type', description } })
    const { body } = await control(mock, 'GET', '/journal')
    const entries = (body as { entries: JournalEntry[] }).entries
    expect(entries.map((entry) => [entry.path, entry.status, entry.body])).toEqual([['/api/v4/user/runners', created.status, { runner_type: 'instance_type', description }]])
  })

  it('keeps a unicode request body and its answer exactly', async () => {
    const mock = await startTestMock()
    const description = 'Läufer ☕ 日本 🦊'
    const created = await send(mock.url, 'POST', '/user/runners', { token: ADMIN, body: { runner_type: 'instance_type', description, tag_list: ['ü', '𝄞'] } })
    expect(created.status).toBe(201)
    const [entry] = mock.journal()
    expect([entry!.body, entry!.response.body]).toEqual([{ runner_type: 'instance_type', description, tag_list: ['ü', '𝄞'] }, redactValue(created.body)])
  })

  it('keeps a page of runners sent as kept bytes exactly, unicode included, the first time and again', async () => {
    const mock = await startTestMock()
    const description = 'Läufer ☕ 日本 🦊'
    expect((await send(mock.url, 'POST', '/user/runners', { token: ADMIN, body: { runner_type: 'instance_type', description } })).status).toBe(201)
    mock.clearJournal()
    const pages = [await send(mock.url, 'GET', '/runners/all?per_page=100', { token: ADMIN }), await send(mock.url, 'GET', '/runners/all?per_page=100', { token: ADMIN })]
    expect(JSON.stringify(pages[0]!.body)).toContain(description)
    expect(mock.journal().map((entry) => entry.response.body)).toEqual(pages.map((page) => redactValue(page.body)))
  })

  it('refuses a budget or a limit it cannot keep, at start', async () => {
    await expect(startTestMock({ journalBytes: 0 })).rejects.toThrow('journalBytes must be an integer from 1 to 1073741824, got 0')
    await expect(startTestMock({ journalLimit: 2.5 })).rejects.toThrow('journalLimit must be an integer from 0 to 1000000, got 2.5')
    await expect(startTestMock({ journalLimit: 1e12 })).rejects.toThrow('journalLimit must be an integer from 0 to 1000000, got 1000000000000')
    // A negative limit used to start with no journal at all, as if it were 0.
    await expect(startTestMock({ journalLimit: -1 })).rejects.toThrow('journalLimit must be an integer from 0 to 1000000, got -1')
  })
})
