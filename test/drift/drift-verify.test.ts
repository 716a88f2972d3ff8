import { afterEach, describe, expect, it } from 'vitest'
import { loadContract } from '../../src/contract/index.js'
import { documentedOperations } from '../../src/drift/check.js'
import { createHttpClient } from '../../src/drift/http.js'
import { verifyGitlab } from '../../src/drift/probe.js'
import { createRedactor } from '../../src/drift/redact.js'
import { buildReport } from '../../src/drift/report/model.js'
import { drift } from './drifted-gitlab.js'
import { ADMIN_TOKEN, startFakeGitlab, type FakeGitlab } from './fake-gitlab.js'

const contract = loadContract()
let fake: FakeGitlab | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function verify(target = { project: '5', group: '9' }, strict = false, token = ADMIN_TOKEN) {
  const client = createHttpClient({ baseUrl: fake!.url, token, retries: 0 })
  const outcome = await verifyGitlab(contract, client, { target, writes: false, strict, redactor: createRedactor([token]) })
  return { outcome, report: buildReport({ command: 'verify', target: fake!.url, strict, exchanges: outcome.exchanges, documented: documentedOperations(contract) }) }
}

describe('verify (read-only plan)', () => {
  it('reaches all 22 operations of a GitLab that keeps the contract and finds nothing', async () => {
    fake = await startFakeGitlab()
    const { outcome, report } = await verify()
    expect(outcome.problem).toBeUndefined()
    expect(report.coverage.unreached).toEqual([])
    expect(report.operations.map((op) => op.operationId).sort()).toEqual([...contract.operations.keys()].sort())
    expect(report.totals).toEqual({ errors: 0, warnings: 0, infos: 0 })
    expect(report.coverage).toMatchObject({ exchanges: outcome.exchanges.length, validated: outcome.exchanges.length, outsideRunnersApi: 0, operationsReached: 22 })
  })

  it('probes every list filter, pagination and the refused values GitLab answers with 400', async () => {
    fake = await startFakeGitlab()
    await verify()
    const listQueries = fake.requests.filter((req) => req.path === '/runners' && req.method === 'GET').map((req) => req.query.toString())
    expect(listQueries.sort()).toEqual([
      '', // no credentials: the 401 body is checked too
      'page=9999&per_page=100',
      'page=first',
      'paused=false',
      'paused=true',
      'per_page=0',
      'per_page=1', // the credentials check
      'per_page=101',
      'per_page=2',
      'scope=online',
      'scope=specific',
      'status=bogus_status',
      'status=never_contacted',
      'status=offline',
      'status=online',
      'status=stale',
      'tag_list=ruby', // a tag the runner details showed
      'tag_list=ruby%2Cgitlab-runners-mock-no-such-tag',
      'type=bogus_type',
      'type=group_type',
      'type=instance_type',
      'type=project_type',
      'version_prefix=17',
      'version_prefix=17.11', // the version the runner details showed
      'version_prefix=V15',
    ])
  })

  it('only reads: every write operation is reached by a request GitLab must refuse', async () => {
    fake = await startFakeGitlab()
    const { outcome } = await verify()
    const writes = outcome.exchanges.filter((exchange) => exchange.method !== 'GET')
    expect(writes.every((exchange) => exchange.status >= 400)).toBe(true)
    expect(new Set(writes.map((exchange) => exchange.operationId))).toEqual(
      new Set(['updateRunner', 'deleteRunner', 'resetRunnerAuthenticationToken', 'resetInstanceRegistrationToken', 'createUserRunner', 'registerRunner', 'verifyRunner',
        'resetRunnerAuthenticationTokenByToken', 'deleteRunnerByToken', 'assignProjectRunner', 'unassignProjectRunner', 'resetProjectRegistrationToken', 'resetGroupRegistrationToken']),
    )
  })

  it('names each finding class of a drifted GitLab at its pointer, with expected and actual', async () => {
    fake = await startFakeGitlab(drift)
    const { report } = await verify()
    const seen = report.exchanges.flatMap((exchange) => exchange.findings.map(({ kind, severity, status, pointer, expected, actual }) => ({ operationId: exchange.operationId, kind, severity, status, pointer, expected, actual })))
    expect(seen).toEqual(
      expect.arrayContaining([
        { operationId: 'listRunners', kind: 'unknown-enum', severity: 'error', status: 200, pointer: '/0/runner_type', expected: '["instance_type","group_type","project_type"]', actual: 'cloud_type' },
        { operationId: 'listRunners', kind: 'header', severity: 'error', status: 200, pointer: '/X-Page', expected: expect.any(String), actual: 'one' },
        { operationId: 'getRunner', kind: 'missing-required', severity: 'error', status: 200, pointer: '/status', expected: 'status', actual: undefined },
        { operationId: 'getRunner', kind: 'type-mismatch', severity: 'error', status: 200, pointer: '/maximum_timeout', expected: expect.stringContaining('integer'), actual: '3600' },
        { operationId: 'getRunner', kind: 'unexpected-null', severity: 'error', status: 200, pointer: '/paused', expected: 'boolean', actual: 'null' },
        { operationId: 'getRunner', kind: 'undocumented-field', severity: 'warning', status: 200, pointer: '/new_field', expected: undefined, actual: 'new_field' },
        { operationId: 'getRunner', kind: 'undocumented-status', severity: 'error', status: 409, pointer: '', expected: expect.stringContaining('404'), actual: '409' },
        { operationId: 'listRunnerManagers', kind: 'content-type', severity: 'error', status: 404, pointer: '', expected: '["application/json"]', actual: 'text/html' },
      ]),
    )
    expect(new Set(seen.map((finding) => finding.kind)).size).toBe(8)
  })

  it('makes undocumented fields errors with --strict', async () => {
    fake = await startFakeGitlab(drift)
    const { report } = await verify({ project: '5', group: '9' }, true)
    const field = report.operations.flatMap((op) => op.findings).find((finding) => finding.kind === 'undocumented-field')
    expect(field?.severity).toBe('error')
  })

  it('stops at the first request when GitLab refuses the token, saying so', async () => {
    fake = await startFakeGitlab()
    const { outcome } = await verify({ project: '5', group: '9' }, false, 'glpat-WRONGTOKEN00000000')
    expect(outcome.problem).toEqual({ kind: 'authentication', message: 'GitLab refused the token (401 on GET /runners): check --token and that it is not expired or revoked' })
    expect(fake.requests).toHaveLength(1)
  })
})

describe('version notes', () => {
  it('explains a difference with the GitLab version it belongs to, from the x-gitlab facts', async () => {
    fake = await startFakeGitlab(drift)
    const { report } = await verify()
    const notes = report.exchanges.flatMap((exchange) => exchange.findings.filter((finding) => finding.versionNote !== undefined).map(({ kind, pointer, versionNote }) => ({ operationId: exchange.operationId, kind, pointer, versionNote })))
    expect(notes).toEqual(
      expect.arrayContaining([
        { operationId: 'listAllRunners', kind: 'unknown-enum', pointer: '/0/status', versionNote: "'not_connected' removed in GitLab 15.0 (the never-contacted state before 15.0)" },
        { operationId: 'getRunner', kind: 'undocumented-field', pointer: '/token', versionNote: 'removed in GitLab 13.0; deprecated in GitLab 12.10' },
      ]),
    )
  })
})
