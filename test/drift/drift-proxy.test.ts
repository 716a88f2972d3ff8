import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadContract } from '../../src/contract/index.js'
import { startProxy } from '../../src/drift/proxy.js'
import { createRedactor } from '../../src/drift/redact.js'
import { readRecorded } from '../../src/drift/recording.js'
import { runCli } from './spawn-cli.js'

const ADMIN = 'glpat-admin-0000000000000'

describe('proxy', () => {
  it('forwards client → proxy → mock unchanged, checks each exchange live, and records fixtures that load back', async () => {
    const { startMock } = await import('../../src/index.js')
    const mock = await startMock({ scenario: 'default', port: 0, log: () => {} })
    const record = mkdtempSync(join(tmpdir(), 'drift-record-'))
    const live: string[] = []
    const proxy = await startProxy({
      contract: loadContract(),
      upstream: mock.origin,
      record,
      redactor: createRedactor([ADMIN]),
      onExchange: (checked, requestProblem) => live.push(`${checked.operationId} ${checked.status} ${checked.findings.length} ${requestProblem ?? ''}`.trim()),
    })
    try {
      const direct = await fetch(`${mock.url}/runners/all?per_page=2`, { headers: { 'PRIVATE-TOKEN': ADMIN } })
      const proxied = await fetch(`${proxy.url}/runners/all?per_page=2`, { headers: { 'PRIVATE-TOKEN': ADMIN } })
      expect(proxied.status).toBe(200)
      expect(await proxied.json()).toEqual(await direct.json())
      expect(proxied.headers.get('x-total')).toBe(direct.headers.get('x-total'))

      const refused = await fetch(`${proxy.url}/runners?per_page=0`, { headers: { 'PRIVATE-TOKEN': ADMIN } })
      expect({ status: refused.status, body: await refused.json() }).toEqual({ status: 400, body: { error: 'per_page has a value not allowed' } })
      expect(live).toEqual(['listAllRunners 200 0', 'listRunners 400 0 per_page has a value not allowed'])

      const files = readdirSync(record).sort()
      expect(files).toEqual(['0001-listAllRunners.json', '0002-listRunners.json'])
      const fixture = JSON.parse(readFileSync(join(record, files[1]!), 'utf8')) as unknown
      expect(fixture).toEqual({
        operationId: 'listRunners',
        request: { method: 'GET', path: '/runners', query: { per_page: '0' } },
        response: { status: 400, headers: expect.objectContaining({ 'content-type': expect.stringContaining('application/json') }), body: { error: 'per_page has a value not allowed' } },
      })
      expect(readRecorded(record).map((exchange) => `${exchange.request.method} ${exchange.request.url} ${exchange.response.status}`)).toEqual([
        'GET http://recorded.invalid/api/v4/runners/all?per_page=2 200',
        'GET http://recorded.invalid/api/v4/runners?per_page=0 400',
      ])
      const validated = await runCli(['validate', record])
      expect(validated.code).toBe(0)
      for (const file of files) expect(readFileSync(join(record, file), 'utf8')).not.toContain(ADMIN)
    } finally {
      await proxy.close()
      await mock.close()
    }
  })
})
