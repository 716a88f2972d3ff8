// Input that costs the mock more than it costs the sender: huge tag lists, values nested thousands
// deep. Each gets a GitLab-shaped 4xx without freezing the server or poisoning later requests.
import { describe, expect, it } from 'vitest'
import { send, startTestMock } from '../helpers/start-mock.js'

const ADMIN = 'glpat-admin-0000000000000'
const MALFORMED = { error: 'message body does not match declared format' }

/** `depth` arrays around `inner`: `[[["x"]]]`. */
function nested(depth: number, inner = '"x"'): string {
  return '['.repeat(depth) + inner + ']'.repeat(depth)
}

async function sendJson(url: string, method: string, text: string, token?: string) {
  const response = await fetch(url, { method, headers: { 'Content-Type': 'application/json', ...(token ? { 'PRIVATE-TOKEN': token } : {}) }, body: text })
  return { status: response.status, body: (await response.json()) as unknown }
}

describe('a 1 MB tag_list', async () => {
  const mock = await startTestMock()
  // ~1 MB of distinct tags, just under the default 1 MiB body limit.
  const tags = Array.from({ length: 120_000 }, (_, i) => `t${i}`).join(',')

  it('is refused by the 50-tag rule in a blink, not after a minute of de-duplication', { timeout: 15_000 }, async () => {
    const response = await sendJson(`${mock.url}/runners/1`, 'PUT', JSON.stringify({ tag_list: tags }), ADMIN)
    expect(response).toEqual({ status: 400, body: { message: { tags_list: ['Too many tags specified. Please limit the number of tags to 50'] } } })
  })

  it('costs a stranger nothing but a 401', { timeout: 15_000 }, async () => {
    const response = await sendJson(`${mock.url}/runners/1`, 'PUT', JSON.stringify({ tag_list: tags }))
    expect(response).toEqual({ status: 401, body: { message: '401 Unauthorized' } })
  })

  it('costs a wrong registration token nothing but a 403', { timeout: 15_000 }, async () => {
    const response = await sendJson(`${mock.url}/runners`, 'POST', JSON.stringify({ token: 'not-a-token', tag_list: tags }))
    expect(response).toEqual({ status: 403, body: { message: '403 Forbidden - invalid token supplied' } })
  })

  it('as an array of duplicates is de-duplicated in one pass', { timeout: 15_000 }, async () => {
    const many = Array.from({ length: 100_000 }, (_, i) => `tag-${i % 7}`)
    const response = await sendJson(`${mock.url}/runners/1`, 'PUT', JSON.stringify({ tag_list: many }), ADMIN)
    expect(response.status).toBe(200)
    expect((response.body as { tag_list: string[] }).tag_list).toHaveLength(7)
  })
})

describe('values nested thousands deep', async () => {
  const mock = await startTestMock()

  it.each([
    ['tag_list in PUT /runners/:id', 'PUT', '/runners/1', (deep: string) => `{"tag_list":${deep}}`],
    ['description in PUT /runners/:id', 'PUT', '/runners/1', (deep: string) => `{"description":${deep}}`],
    ['tag_list in POST /user/runners', 'POST', '/user/runners', (deep: string) => `{"runner_type":"instance_type","tag_list":${deep}}`],
    ['tag_list in POST /runners', 'POST', '/runners', (deep: string) => `{"token":"x","tag_list":${deep}}`],
    ['an undeclared field', 'PUT', '/runners/1', (deep: string) => `{"description":"d","extra":${deep}}`],
    ['an object chain', 'PUT', '/runners/1', () => `{"description":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`],
  ])('answer %s with Grape\'s 400 for a body it cannot parse', async (_what, method, path, body) => {
    const response = await sendJson(`${mock.url}${path}`, method, body(nested(5000)), ADMIN)
    expect(response).toEqual({ status: 400, body: MALFORMED })
  })

  it('are refused on the control API too', async () => {
    const response = await sendJson(`${mock.origin}/__mock/faults`, 'POST', `{"operationId":${nested(5000)}}`)
    expect(response.status).toBe(400)
  })

  it('take values nested as deep as Ruby\'s JSON parser allows (100)', async () => {
    const response = await sendJson(`${mock.url}/runners/1`, 'PUT', `{"tag_list":${nested(98, '"deep"')}}`, ADMIN)
    expect(response.status).toBe(200)
  })

  it('leave the journal readable after a 3,000-deep body', async () => {
    await sendJson(`${mock.url}/runners/1`, 'PUT', `{"description":${nested(3000)}}`, ADMIN)
    const journal = await fetch(`${mock.origin}/__mock/journal`)
    expect(journal.status).toBe(200)
    const { entries } = (await journal.json()) as { entries: Array<{ status: number }> }
    expect(entries.at(-1)?.status).toBe(400)
    expect((await send(mock.url, 'GET', '/runners/1', { token: ADMIN })).status).toBe(200)
  })
})
