import { describe, expect, it } from 'vitest'
import { loadContract } from '../../src/contract/index.js'
import { documentedOperations } from '../../src/drift/check.js'
import { createHttpClient } from '../../src/drift/http.js'
import type { PlanTarget } from '../../src/drift/plan.js'
import { verifyGitlab, type VerifyOutcome } from '../../src/drift/probe.js'
import { createRedactor } from '../../src/drift/redact.js'
import { buildReport, type DriftReport } from '../../src/drift/report/model.js'
import { renderText } from '../../src/drift/report/text.js'
import type { WriteTarget } from '../../src/drift/writes.js'

const ADMIN = 'glpat-admin-0000000000000'

describe('verify against our own mock', () => {
  it('finds no drift in the mock on the default scenario, read-only and with --writes', async () => {
    // Imported dynamically: drift/ must not depend on the mock, only this test does.
    const { startMock } = await import('../../src/index.js')
    const mock = await startMock({ scenario: 'default', port: 0, log: () => {} })
    try {
      const contract = loadContract()
      const client = createHttpClient({ baseUrl: mock.url, token: ADMIN, retries: 0 })
      const outcome = await verifyGitlab(contract, client, { target: { project: 'acme/platform/api', group: '1' }, writes: true, strict: true, redactor: createRedactor([ADMIN]) })
      const report = buildReport({ command: 'verify', target: mock.url, strict: true, exchanges: outcome.exchanges, documented: documentedOperations(contract) })
      expect(outcome.problem).toBeUndefined()
      expect(renderText(report)).toContain('\nNo drift.\n')
      expect(report.totals.errors).toBe(0)
      expect(report.coverage.unreached).toEqual([])
      expect(report.outcome).toEqual({ result: 'pass', exitCode: 0, verdict: 'No drift.', problems: [] })
    } finally {
      await mock.close()
    }
  })
})

interface Verified {
  outcome: VerifyOutcome
  report: DriftReport
  url: string
}

/** Runs verify against our mock serving GitLab 12.0 (default scenario) and hands the outcome over before the mock closes. */
async function verify12(target: WriteTarget & PlanTarget, writes: boolean, check: (verified: Verified) => Promise<void> | void): Promise<void> {
  const { startMock } = await import('../../src/index.js')
  const mock = await startMock({ scenario: 'default', port: 0, log: () => {}, gitlabVersion: '12.0' })
  try {
    const contract = loadContract().forRelease('12.0')
    const client = createHttpClient({ baseUrl: mock.url, token: ADMIN, retries: 0 })
    const outcome = await verifyGitlab(contract, client, { target, writes, strict: true, redactor: createRedactor([ADMIN]) })
    const report = buildReport({ command: 'verify', target: mock.url, strict: true, exchanges: outcome.exchanges, documented: documentedOperations(contract), skipped: outcome.skipped })
    await check({ outcome, report, url: mock.url })
  } finally {
    await mock.close()
  }
}

// GitLab 12.0 has no runner managers, no POST /user/runners and no token resets: asking for them
// would only count as "outside the Runners API".
const notInRelease = (outcome: VerifyOutcome) => outcome.exchanges.filter((exchange) => exchange.operationId === undefined).map((exchange) => `${exchange.method} ${exchange.path}`)

describe('verify against our own mock serving an older release', () => {
  it('probes only the operations that release has, and says which it left out', async () => {
    await verify12({ project: 'acme/platform/api', group: '1' }, false, ({ outcome, report }) => {
      expect(notInRelease(outcome)).toEqual([])
      expect(report.coverage.outsideRunnersApi).toBe(0)
      const left = outcome.skipped.find((plan) => plan.reason.startsWith('not in GitLab 12.0'))
      expect(left?.plan.split(', ')).toEqual(expect.arrayContaining(['listRunnerManagers', 'createUserRunner']))
      expect(renderText(report)).toMatch(/\nSkipped: .*listRunnerManagers.*: not in GitLab 12\.0/)
      expect(report.outcome.result).toBe('pass')
    })
  })

  it('runs the --writes round trip with what that release has: registers with the registration token, leaves out the token resets', async () => {
    const target = { project: 'acme/platform/api', group: '1', registrationToken: 'GR1348941-instance-000000000' }
    await verify12(target, true, async ({ outcome, report, url }) => {
      expect(notInRelease(outcome)).toEqual([])
      expect(outcome.exchanges.map((exchange) => exchange.operationId)).toEqual(expect.arrayContaining(['registerRunner', 'updateRunner', 'deleteRunner', 'deleteRunnerByToken']))
      const left = outcome.skipped.find((plan) => plan.reason.startsWith('not in GitLab 12.0'))
      expect(left?.plan.split(', ')).toEqual(expect.arrayContaining(['resetRunnerAuthenticationToken', 'resetRunnerAuthenticationTokenByToken']))
      expect(outcome.skipped.find((plan) => plan.plan.includes('--writes'))).toBeUndefined()
      expect(report.outcome.result).toBe('pass')
      // Every throw-away runner is gone again.
      const after = (await (await fetch(`${url}/runners/all?per_page=100`, { headers: { 'private-token': ADMIN } })).json()) as { description: string }[]
      expect(after.filter((runner) => runner.description.startsWith('gitlab-runners-mock drift probe'))).toEqual([])
    })
  })

  it('says the round trip needs --registration-token when the release has no POST /user/runners, without asking for it', async () => {
    await verify12({ project: 'acme/platform/api', group: '1' }, true, ({ outcome }) => {
      expect(notInRelease(outcome)).toEqual([])
      expect(outcome.skipped).toContainEqual({ plan: 'the write round trip (--writes)', reason: 'GitLab 12.0 has no POST /user/runners: give --registration-token to register the throw-away runners', asked: true })
    })
  })
})
