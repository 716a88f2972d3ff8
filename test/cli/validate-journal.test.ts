// The mock's own journal export is recorded traffic too: `validate` checks it against the contract,
// and a doctored answer in it is drift.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startMock } from '../../src/index.js'
import { send } from '../helpers/start-mock.js'
import { runCli } from '../drift/spawn-cli.js'

const ADMIN = 'glpat-admin-0000000000000'

describe('validate over a journal export', async () => {
  const mock = await startMock({ log: () => {} })
  await send(mock.url, 'GET', '/runners/all?per_page=3', { token: ADMIN })
  await send(mock.url, 'GET', '/runners/10', { token: ADMIN })
  await send(mock.url, 'PUT', '/runners/10', { token: ADMIN, body: { paused: true } })
  await send(mock.url, 'POST', '/runners', { body: { token: 'GR1348941-instance-000000000' } })
  await send(mock.url, 'GET', '/runners/999999', { token: ADMIN })
  const exported = (await send(mock.origin, 'GET', '/__mock/journal')).body as { entries: Array<Record<string, unknown>> }
  await mock.close()
  const dir = mkdtempSync(join(tmpdir(), 'journal-'))

  it('keeps each answer in the journal, runner tokens redacted', () => {
    const registered = exported.entries.find((entry) => entry.operationId === 'registerRunner')
    expect(registered).toMatchObject({ status: 201, response: { body: { token: '[REDACTED]', token_expires_at: null } } })
    expect(exported.entries.map((entry) => entry.status)).toEqual([200, 200, 200, 201, 404])
  })

  it('finds no drift in what the mock answered', async () => {
    const file = join(dir, 'journal.json')
    writeFileSync(file, JSON.stringify(exported))
    const result = await runCli(['validate', file, '--report', 'json'])
    expect(result.code).toBe(0)
    const report = JSON.parse(result.stdout) as { totals: Record<string, number>; coverage: Record<string, unknown> }
    expect(report.totals).toEqual({ errors: 0, warnings: 0, infos: 0 })
    expect(report.coverage).toMatchObject({ exchanges: 5, validated: 5, operationsReached: 4, outsideRunnersApi: 0 })
  })

  it('reports a doctored answer as drift at its pointer', async () => {
    const doctored = structuredClone(exported)
    const details = doctored.entries[1] as { response: { body: Record<string, unknown> } }
    details.response.body.online = 'yes'
    const file = join(dir, 'doctored.json')
    writeFileSync(file, JSON.stringify(doctored))
    const result = await runCli(['validate', file])
    expect(result.code).toBe(1)
    expect(result.stdout).toMatch(/getRunner[\s\S]*\/online/)
    // The finding leads back to the journal entry by its seq.
    expect(result.stdout).toContain(`#2 ${file} journal seq ${String(exported.entries[1]!.seq)}: GET /api/v4/runners/10 → 200`)
  })
})
