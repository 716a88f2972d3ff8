// `proxy --record` in front of a GitLab (here the mock): registration tokens never reach a fixture,
// whatever encoding the client used, and a multipart registration is understood, not reported as drift.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadContract } from '../../src/contract/index.js'
import { startProxy } from '../../src/drift/proxy.js'
import { createRedactor } from '../../src/drift/redact.js'
import { startMock } from '../../src/index.js'

// The default scenario's instance registration token, and one that has no recognisable shape.
const REGISTRATION = 'GR1348941-instance-000000000'
const OPAQUE = 'opaque-registration-credential'

const mock = await startMock({ scenario: 'default', log: () => {} })
const record = mkdtempSync(join(tmpdir(), 'proxy-secrets-'))
const seen: Array<{ operationId: string | null; status: number; findings: number; requestProblem: string | undefined }> = []
const proxy = await startProxy({
  contract: loadContract(),
  upstream: mock.origin,
  record,
  redactor: createRedactor(),
  onExchange: (checked, requestProblem) => seen.push({ operationId: checked.operationId ?? null, status: checked.status, findings: checked.findings.length, requestProblem }),
})
afterAll(async () => {
  await proxy.close()
  await mock.close()
})

function multipart(fields: Record<string, string>): FormData {
  const form = new FormData()
  for (const [key, value] of Object.entries(fields)) form.append(key, value)
  return form
}

function fixtures(): Array<{ request: { body?: unknown }; response: { status: number; body?: unknown } }> {
  return readdirSync(record).sort().map((name) => JSON.parse(readFileSync(join(record, name), 'utf8')) as never)
}

describe('proxy --record and registration tokens', () => {
  it('masks the token of a multipart, urlencoded (first or later) and JSON registration', async () => {
    const bodies: RequestInit[] = [
      { body: multipart({ token: REGISTRATION, description: 'multipart', 'tag_list[]': 'docker' }) },
      { body: `token=${OPAQUE}&description=form-first`, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { body: `description=form-later&token=${OPAQUE}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      { body: JSON.stringify({ description: 'json', token: OPAQUE }), headers: { 'content-type': 'application/json' } },
      { body: multipart({ description: 'multipart-opaque', token: OPAQUE }) },
    ]
    const statuses = []
    for (const init of bodies) statuses.push((await fetch(`${proxy.url}/runners`, { method: 'POST', ...init })).status)
    expect(statuses).toEqual([201, 403, 403, 403, 403])

    const recorded = fixtures()
    expect(recorded.map((fixture) => fixture.request.body)).toEqual([
      { token: '[REDACTED]', description: 'multipart', tag_list: ['docker'] },
      { token: '[REDACTED]', description: 'form-first' },
      { description: 'form-later', token: '[REDACTED]' },
      { description: 'json', token: '[REDACTED]' },
      { description: 'multipart-opaque', token: '[REDACTED]' },
    ])
    // The runner token GitLab issued is masked too.
    expect(recorded[0]?.response.body).toMatchObject({ token: '[REDACTED]' })
    const text = readdirSync(record).map((name) => readFileSync(join(record, name), 'utf8')).join('\n')
    expect(text).not.toContain(REGISTRATION)
    expect(text).not.toContain(OPAQUE)
    expect(text).not.toMatch(/glrtr?-/)
  })

  it('reports no drift when GitLab answered 201 to a multipart registration', () => {
    expect(seen[0]).toEqual({ operationId: 'registerRunner', status: 201, findings: 0, requestProblem: undefined })
  })
})
