// Reports never contradict the exit code, and a run that checked nothing (or less than asked) never passes.
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { ADMIN_TOKEN, startFakeGitlab, type FakeGitlab, type FakeRequest, type Reply } from '../drift/fake-gitlab.js'
import { runCli, type CliResult } from '../drift/spawn-cli.js'
import { junitProblems } from '../helpers/junit-xsd.js'

let fake: FakeGitlab | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

interface Reports {
  result: CliResult
  text: string
  json: { outcome: { result: string; exitCode: number; problems: { kind: string }[] } }
  junit: string
}

async function verifyWithReports(args: string[]): Promise<Reports> {
  const dir = mkdtempSync(join(tmpdir(), 'drift-outcome-'))
  const result = await runCli(['verify', ...args, '--report', `text:${join(dir, 'drift.txt')}`, '--report', `json:${join(dir, 'drift.json')}`, '--report', `junit:${join(dir, 'drift.xml')}`])
  const read = (name: string) => readFileSync(join(dir, name), 'utf8')
  return { result, text: read('drift.txt'), json: JSON.parse(read('drift.json')) as Reports['json'], junit: read('drift.xml') }
}

function lastLine(text: string): string {
  return text.trimEnd().split('\n').at(-1)!
}

describe('a run that could not check shows as an error in every report', () => {
  it('when GitLab refuses the token', async () => {
    fake = await startFakeGitlab()
    const { result, text, json, junit } = await verifyWithReports(['--base-url', fake.url, '--token', 'glpat-NOTVALID0000000000'])
    expect(result.code).toBe(2)
    expect(lastLine(text)).toBe('COULD NOT CHECK: authentication problem: GitLab refused the token (401 on GET /runners): check --token and that it is not expired or revoked')
    expect(json.outcome).toMatchObject({ result: 'error', exitCode: 2, problems: [{ kind: 'authentication' }] })
    expect(junit).toMatch(/<testsuites [^>]*errors="1"/)
    expect(junit).toMatch(/<error message="authentication problem: GitLab refused the token[^"]*" type="authentication">/)
    expect(junitProblems(junit)).toEqual([])
  })

  it('when nothing listens: no "No drift." before the cause', async () => {
    fake = await startFakeGitlab()
    const url = fake.url
    await fake.close()
    fake = undefined
    const { result, text, json, junit } = await verifyWithReports(['--base-url', url, '--token', ADMIN_TOKEN, '--retries', '0'])
    expect(result.code).toBe(2)
    expect(text).not.toContain('No drift')
    expect(lastLine(text)).toBe(`COULD NOT CHECK: connection problem: Cannot connect to ${new URL(url).origin}: ECONNREFUSED`)
    expect(json.outcome).toMatchObject({ result: 'error', exitCode: 2 })
    expect(junit).toContain('type="connection"')
  })

  it('when the base URL is not GitLab\'s API root: no "DRIFT" before the cause', async () => {
    fake = await startFakeGitlab()
    const { result, text } = await verifyWithReports(['--base-url', `${new URL(fake.url).origin}/not-gitlab`, '--token', ADMIN_TOKEN])
    expect(result.code).toBe(2)
    expect(text).not.toMatch(/DRIFT|No drift/)
    expect(lastLine(text)).toMatch(/^COULD NOT CHECK: usage problem: GET \/runners answered 404 /)
  })
})

describe('no silent pass', () => {
  it('fails verify --writes when the token may not write, saying what was not done', async () => {
    fake = await startFakeGitlab((req: FakeRequest, reply: Reply) => (req.operationId === 'createUserRunner' && reply.status === 201 ? { status: 403, headers: { 'content-type': 'application/json' }, body: { message: '403 Forbidden' } } : reply))
    const result = await runCli(['verify', '--base-url', fake.url, '--token', ADMIN_TOKEN, '--writes'])
    expect(result.code).toBe(2)
    expect(result.stdout).toContain('Skipped: the write round trip (--writes): POST /api/v4/user/runners answered 403: the token cannot create runners')
    expect(result.stderr).toContain('not-done problem: the write round trip (--writes) was asked for but not done')
  })

  it('fails validate on an empty or mistyped folder', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'drift-empty-'))
    mkdirSync(join(empty, 'recordings'))
    const result = await runCli(['validate', join(empty, 'recordings')])
    expect(result.code).toBe(2)
    expect(lastLine(result.stdout)).toBe('COULD NOT CHECK: nothing-checked problem: nothing was checked against the contract: no exchange at all')
  })

  it('demands coverage with --min-operations', async () => {
    fake = await startFakeGitlab()
    const enough = await runCli(['verify', '--base-url', fake.url, '--token', ADMIN_TOKEN, '--project', '5', '--group', '9', '--min-operations', '22'])
    expect(enough.code).toBe(0)
    const short = await runCli(['verify', '--base-url', fake.url, '--token', ADMIN_TOKEN, '--min-operations', '22'])
    expect(short.code).toBe(2)
    expect(lastLine(short.stdout)).toBe('COULD NOT CHECK: coverage problem: 16 operation(s) reached, fewer than --min-operations 22')
  })

  it('shows progress off a terminal: a line per operation on stderr as it is checked', async () => {
    fake = await startFakeGitlab()
    const result = await runCli(['verify', '--base-url', fake.url, '--token', ADMIN_TOKEN, '--report', 'json'])
    expect(result.code).toBe(0)
    const lines = result.stderr.trimEnd().split('\n')
    expect(lines.every((line) => /^checked \w+: \d+ exchanges?, 0 errors, 0 warnings$/.test(line))).toBe(true)
    expect(new Set(lines.map((line) => line.split(':')[0]))).toEqual(new Set(
      ['getVersion', 'listRunners', 'listAllRunners', 'getRunner', 'listRunnerManagers', 'listRunnerProjects', 'listRunnerJobs', 'updateRunner', 'deleteRunner', 'resetRunnerAuthenticationToken',
        'resetInstanceRegistrationToken', 'createUserRunner', 'registerRunner', 'verifyRunner', 'resetRunnerAuthenticationTokenByToken', 'deleteRunnerByToken'].map((id) => `checked ${id}`),
    ))
  })
})
