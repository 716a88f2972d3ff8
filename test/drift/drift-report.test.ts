// The drift report as a contract of its own: the JSON report keeps openapi/drift-report.schema.json, the JUnit
// report keeps the common JUnit XSD's structure, and every finding leads back to the exchange that showed it.
import { readFileSync } from 'node:fs'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { afterEach, describe, expect, it } from 'vitest'
import { loadContract } from '../../src/contract/index.js'
import { documentedOperations } from '../../src/drift/check.js'
import { createHttpClient } from '../../src/drift/http.js'
import { verifyGitlab } from '../../src/drift/probe.js'
import { createRedactor } from '../../src/drift/redact.js'
import { buildReport, type DriftReport } from '../../src/drift/report/model.js'
import { renderReport } from '../../src/drift/report/write.js'
import { junitProblems, parseXml } from '../helpers/junit-xsd.js'
import { drift } from './drifted-gitlab.js'
import { ADMIN_TOKEN, startFakeGitlab, type FakeGitlab, type FakeRequest, type Reply } from './fake-gitlab.js'

const contract = loadContract()
const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true })
addFormats.default(ajv)
const validateReport = ajv.compile(JSON.parse(readFileSync(new URL('../../openapi/drift-report.schema.json', import.meta.url), 'utf8')) as object)

let fake: FakeGitlab | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function verify(hook?: (req: FakeRequest, reply: Reply) => Reply, token = ADMIN_TOKEN, writes = false): Promise<DriftReport> {
  fake = await startFakeGitlab(hook)
  const client = createHttpClient({ baseUrl: fake.url, token, retries: 0 })
  const outcome = await verifyGitlab(contract, client, { target: { project: '5', group: '9' }, writes, strict: false, redactor: createRedactor([token]) })
  return buildReport({
    command: 'verify',
    target: fake.url,
    strict: false,
    exchanges: outcome.exchanges,
    documented: documentedOperations(contract),
    skipped: outcome.skipped,
    ...(outcome.problem === undefined ? {} : { problem: outcome.problem }),
  })
}

function json(report: DriftReport): unknown {
  return JSON.parse(renderReport(report, 'json', createRedactor()))
}

describe('the JSON drift report', () => {
  it('keeps its schema whether the run passed, found drift or could not check', async () => {
    const reports = [await verify(), await verify(drift), await verify(undefined, 'glpat-NOTVALID0000000000')]
    expect(reports.map((report) => report.outcome.result)).toEqual(['pass', 'drift', 'error'])
    for (const report of reports) {
      validateReport(json(report))
      expect(validateReport.errors ?? []).toEqual([])
    }
  })

  it('puts every finding on its own exchange and names every exchange in the per-operation summary', async () => {
    const report = await verify(drift)
    const listRunners = report.operations.find((op) => op.operationId === 'listRunners')!
    const cloudType = listRunners.findings.find((group) => group.kind === 'unknown-enum')!
    // Every 200 page of GET /runners showed it: all of them are named, not three.
    const pages = report.exchanges.filter((exchange) => exchange.operationId === 'listRunners' && exchange.status === 200)
    expect(pages.length).toBeGreaterThan(3)
    expect(cloudType.exchanges).toEqual(pages.map((exchange) => exchange.index))
    for (const exchange of pages) {
      expect(exchange.findings).toContainEqual(expect.objectContaining({ kind: 'unknown-enum', pointer: '/0/runner_type', actual: 'cloud_type' }))
      expect(exchange.source).toEqual({ kind: 'probe', purpose: expect.any(String) })
    }
    expect(pages.map((exchange) => exchange.query)).toContain('?status=online')
  })

  it('says what was and was not checked', async () => {
    const report = await verify()
    expect(report.coverage).toEqual({
      exchanges: report.exchanges.length,
      validated: report.exchanges.length,
      outsideRunnersApi: 0,
      operationsDocumented: 22,
      operationsReached: 22,
      minOperations: null,
      unreached: [],
      skipped: [{ plan: 'the write round trip', reason: 'read-only run (add --writes to create, update and delete throw-away runners)', asked: false }],
    })
  })

  it('makes a refused --writes round trip an error of the run, not a silent pass', async () => {
    const readOnly = (req: FakeRequest, reply: Reply): Reply => (req.operationId === 'createUserRunner' && reply.status === 201 ? { status: 403, headers: { 'content-type': 'application/json' }, body: { message: '403 Forbidden' } } : reply)
    const report = await verify(readOnly, ADMIN_TOKEN, true)
    expect(report.outcome).toMatchObject({ result: 'error', exitCode: 2 })
    expect(report.outcome.problems).toEqual([
      { kind: 'not-done', message: expect.stringMatching(/^the write round trip \(--writes\) was asked for but not done: POST \/api\/v4\/user\/runners answered 403: the token cannot create runners/) },
    ])
  })
})

describe('the JUnit drift report', () => {
  it('keeps the JUnit XSD structure, one test case per exchange, a failure per drifted exchange', async () => {
    const report = await verify(drift)
    const xml = renderReport(report, 'junit', createRedactor())
    expect(junitProblems(xml)).toEqual([])
    const suites = parseXml(xml).children
    const cases = suites.flatMap((suite) => suite.children.filter((child) => child.name === 'testcase'))
    const exchangeCases = cases.filter((test) => /^#\d+ /.test(test.attributes.name!))
    expect(exchangeCases).toHaveLength(report.exchanges.length)
    const failed = exchangeCases.filter((test) => test.children.some((child) => child.name === 'failure'))
    expect(failed).toHaveLength(report.exchanges.filter((exchange) => exchange.findings.some((finding) => finding.severity === 'error')).length)
    expect(cases.some((test) => test.children.some((child) => child.name === 'error'))).toBe(false)
  })

  it('carries an <error> when the run could not check, so the widget shows it', async () => {
    const report = await verify(undefined, 'glpat-NOTVALID0000000000')
    const xml = renderReport(report, 'junit', createRedactor())
    expect(junitProblems(xml)).toEqual([])
    const root = parseXml(xml)
    expect(root.attributes.errors).toBe('1')
    const run = root.children.find((suite) => suite.attributes.name === 'run')!
    expect(run.children.find((child) => child.name === 'properties')!.children.map((property) => property.attributes)).toEqual([
      { name: 'gitlab-version', value: '18.6' },
      { name: 'judged-against', value: 'GitLab 18.6 (the newest the contract describes; pin one with --gitlab-version)' },
    ])
    expect(run.children.find((child) => child.name === 'testcase')!.children[0]).toEqual({
      name: 'error',
      attributes: { message: expect.stringMatching(/^authentication problem: GitLab refused the token/), type: 'authentication' },
      children: [],
      text: expect.any(String),
    })
  })

  it('has a structure checker that can fail', () => {
    expect(junitProblems('<testsuites tests="1"><testsuite name="a" tests="2"><testcase name="x"><failure/><skipped/></testcase></testsuite></testsuites>')).toEqual([
      '<skipped> is not allowed in <testcase> here',
      'testsuite "a" says tests="2" but has 1',
    ])
  })
})
