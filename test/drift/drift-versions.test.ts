// Judging against a GitLab release: findings say which release judged them, and a fact whose release is only
// known as a window never fails a GitLab inside it (either shape passes, with an informational note).
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadContract } from '../../src/contract/index.js'
import { checkExchange, documentedOperations } from '../../src/drift/check.js'
import type { Exchange } from '../../src/drift/exchange.js'
import { createHttpClient } from '../../src/drift/http.js'
import { verifyGitlab } from '../../src/drift/probe.js'
import { createRedactor } from '../../src/drift/redact.js'
import { buildReport } from '../../src/drift/report/model.js'
import { ADMIN_TOKEN, startFakeGitlab, type FakeGitlab, type FakeRequest, type Reply } from './fake-gitlab.js'
import { runCli, startCli } from './spawn-cli.js'

const base = loadContract()
let fake: FakeGitlab | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

function details(body: unknown): Exchange {
  return { request: { method: 'GET', url: 'https://gitlab.example.com/api/v4/runners/6', headers: {} }, response: { status: 200, headers: { 'content-type': 'application/json' }, body } }
}

/** The runner details GitLab 16.5 sends, per the contract's own example for that release. */
function detailsOf165(): Record<string, unknown> {
  const document = base.forRelease('16.5').profile.document as { paths: Record<string, { get: { responses: Record<string, { content: Record<string, { examples: Record<string, { value: Record<string, unknown> }> }> }> } }> }
  return document.paths['/runners/{id}']!.get.responses['200']!.content['application/json']!.examples.projectRunner!.value
}

const answersVersion = (version: string) => (req: FakeRequest, reply: Reply): Reply =>
  req.operationId === 'getVersion' && reply.status === 200 ? { ...reply, body: { ...(reply.body as object), version } } : reply

describe('a fact whose release is only a window', () => {
  // maintenance_note arrived somewhere in 16.1–16.11: a 16.5 may or may not send it.
  const contract = base.forRelease('16.5')
  const withNote = { ...detailsOf165(), maintenance_note: 'rack 4' }
  const withoutNote = Object.fromEntries(Object.entries(withNote).filter(([key]) => key !== 'maintenance_note'))

  it('accepts either shape inside the window, with an info note naming the fact, judged against that release', () => {
    for (const [body, shape] of [[withNote, 'of 16.11 and later'], [withoutNote, 'of releases before 16.1']] as const) {
      expect(checkExchange(contract, details(body), { strict: false }).findings).toEqual([
        expect.objectContaining({
          kind: 'version-window',
          severity: 'info',
          pointer: '/maintenance_note',
          fact: 'property:RunnerDetails.maintenance_note',
          judgedAgainst: '16.5',
          message: `judged leniently: property:RunnerDetails.maintenance_note (introduced) happened somewhere in GitLab 16.1–16.11, which holds 16.5; this answer has the shape ${shape}`,
        }),
      ])
    }
  })

  it('never fails CI for a GitLab inside the window: verify passes, the notes say where it was lenient', async () => {
    fake = await startFakeGitlab((req, reply) =>
      req.operationId === 'getRunner' && reply.status === 200 ? { ...reply, body: Object.fromEntries(Object.entries(reply.body as object).filter(([key]) => key !== 'maintenance_note')) } : reply,
    )
    const outcome = await verifyGitlab(contract, createHttpClient({ baseUrl: fake.url, token: ADMIN_TOKEN, retries: 0 }), { target: { project: '5', group: '9' }, writes: false, strict: false, redactor: createRedactor() })
    const report = buildReport({ command: 'verify', target: fake.url, strict: false, exchanges: outcome.exchanges, documented: documentedOperations(contract), skipped: outcome.skipped })
    expect(report.outcome.exitCode).toBe(0)
    expect(report.totals.errors).toBe(0)
    expect(report.operations.find((op) => op.operationId === 'getRunner')!.findings).toContainEqual(expect.objectContaining({ kind: 'version-window', severity: 'info', fact: 'property:RunnerDetails.maintenance_note' }))
  })

  it('still holds the newest release to the contract', () => {
    expect(checkExchange(base, details(withoutNote), { strict: false }).findings).toContainEqual(expect.objectContaining({ kind: 'missing-required', severity: 'error', pointer: '/maintenance_note', judgedAgainst: '18.6' }))
  })
})

describe('--gitlab-version', () => {
  it('judges verify against the release given, and every finding says so', async () => {
    fake = await startFakeGitlab()
    const result = await runCli(['verify', '--base-url', fake.url, '--token', ADMIN_TOKEN, '--gitlab-version', '17.11', '--report', 'json'])
    const report = JSON.parse(result.stdout) as { gitlab: unknown; exchanges: { findings: { judgedAgainst?: string }[] }[] }
    expect(report.gitlab).toEqual({ release: '17.11', source: 'flag', lenientFacts: expect.arrayContaining(['property:RunnerDetails.groups']) })
    const findings = report.exchanges.flatMap((exchange) => exchange.findings)
    expect(findings.length).toBeGreaterThan(0)
    expect(findings.every((finding) => finding.judgedAgainst === '17.11')).toBe(true)
  })

  it('asks the target with auto, and names what it answered', async () => {
    fake = await startFakeGitlab(answersVersion('16.5.3-ee'))
    const result = await runCli(['verify', '--base-url', fake.url, '--token', ADMIN_TOKEN, '--gitlab-version', 'auto'])
    expect(result.stdout.split('\n')[1]).toBe('Judged against GitLab 16.5 (--gitlab-version auto: the target answered 16.5.3-ee)')
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/version' })
  })

  it('cannot check when auto gets no release from the target', async () => {
    fake = await startFakeGitlab((req, reply) => (req.operationId === 'getVersion' ? { status: 404, headers: { 'content-type': 'application/json' }, body: { message: '404 Not Found' } } : reply))
    const result = await runCli(['verify', '--base-url', fake.url, '--token', ADMIN_TOKEN, '--gitlab-version', 'auto'])
    expect(result.code).toBe(2)
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe('COULD NOT CHECK: usage problem: GET /version answered 404 without a version: pass --gitlab-version X instead of auto')
  })

  it('refuses a release the contract does not describe, naming the supported range', async () => {
    const result = await runCli(['validate', 'any.har', '--gitlab-version', '9.5'])
    expect(result.code).toBe(2)
    expect(result.stderr.split('\n')[0]).toMatch(/^usage problem: GitLab 9 is not supported \(supported: GitLab 11\.0 to /)
  })

  it('takes the release from a recorded GET /version in validate --gitlab-version auto', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drift-version-'))
    const file = join(dir, 'recorded.json')
    const version = { operationId: 'getVersion', request: { method: 'GET', path: '/version', query: {} }, response: { status: 200, headers: { 'content-type': 'application/json' }, body: { version: '17.4.1-ee', revision: 'abc', kas: { enabled: false, externalUrl: null, externalK8sProxyUrl: null, version: null }, enterprise: true } } }
    writeFileSync(file, JSON.stringify([version]))
    const result = await runCli(['validate', file, '--gitlab-version', 'auto', '--report', 'json'])
    expect((JSON.parse(result.stdout) as { gitlab: unknown }).gitlab).toEqual({ release: '17.4', source: 'recording', detected: '17.4.1-ee', lenientFacts: expect.any(Array) })
    // Without a recorded answer, the newest judges, and auto says so rather than pretending it found one.
    writeFileSync(file, JSON.stringify([{ ...version, operationId: 'getRunner', request: { method: 'GET', path: '/runners/999999', query: {} }, response: { status: 404, headers: { 'content-type': 'application/json' }, body: { message: '404 Runner Not Found' } } }]))
    const unrecorded = await runCli(['validate', file, '--gitlab-version', 'auto', '--report', 'json'])
    expect((JSON.parse(unrecorded.stdout) as { gitlab: unknown }).gitlab).toEqual({ release: '18.6', source: 'newest', lenientFacts: [] })
    expect(unrecorded.stderr).toContain('--gitlab-version auto: the recording holds no answer of GET /api/v4/version, so the newest release judges it')
  })
})

describe('proxy --gitlab-version auto', () => {
  it('asks the upstream once at start and judges what passes through against that release', async () => {
    fake = await startFakeGitlab(answersVersion('17.2.0'))
    const { child, done } = startCli(['proxy', '--upstream', fake.url, '--port', '0', '--gitlab-version', 'auto', '--report', 'json'], { GITLAB_TOKEN: ADMIN_TOKEN })
    let stderr = ''
    const listening = new Promise<string>((resolve) =>
      child.stderr?.on('data', (chunk: Buffer) => {
        stderr += chunk.toString()
        const url = /proxy listening on (\S+)/.exec(stderr)?.[1]
        if (url !== undefined) resolve(url)
      }),
    )
    const url = await listening
    await fetch(`${url}/runners/6`, { headers: { 'private-token': ADMIN_TOKEN } })
    child.kill('SIGINT')
    const result = await done
    const report = JSON.parse(result.stdout) as { gitlab: unknown; exchanges: { findings: { judgedAgainst: string }[] }[] }
    expect(report.gitlab).toEqual({ release: '17.2', source: 'target', detected: '17.2.0', lenientFacts: expect.any(Array) })
    expect(fake.requests.map((req) => req.path)).toEqual(['/version', '/runners/6'])
    expect(result.stdout + result.stderr).not.toContain(ADMIN_TOKEN)
  })

  it('needs a token to ask', async () => {
    const result = await runCli(['proxy', '--upstream', 'http://127.0.0.1:1', '--gitlab-version', 'auto'], { GITLAB_TOKEN: '' })
    expect([result.code, result.stderr.split('\n')[0]]).toEqual([2, 'usage problem: --gitlab-version auto asks the upstream GET /api/v4/version, which needs --token (or GITLAB_TOKEN)'])
  })
})
