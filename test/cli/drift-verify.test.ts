import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { drift, LEGACY_DETAILS_TOKEN } from '../drift/drifted-gitlab.js'
import { ADMIN_TOKEN, RUNNER_TOKEN, startFakeGitlab, type FakeGitlab } from '../drift/fake-gitlab.js'
import { runCli } from '../drift/spawn-cli.js'

let fake: FakeGitlab | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

describe('gitlab-runners-mock verify', () => {
  it('exits 0 with a clean report when GitLab keeps the contract', async () => {
    fake = await startFakeGitlab()
    const result = await runCli(['verify', '--base-url', fake.url, '--token', ADMIN_TOKEN, '--project', '5', '--group', '9'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^gitlab-runners-mock verify: http:\/\/127\.0\.0\.1:\d+\/api\/v4\nJudged against GitLab 18\.6 \(the newest the contract describes; pin one with --gitlab-version\)\nChecked \d+ exchanges against the contract; 22 of 22 operations reached\n/)
    expect(result.stdout.endsWith('\nNo drift.\n')).toBe(true)
  })

  it('exits 1 on drift and writes JUnit and JSON reports next to the text one', async () => {
    fake = await startFakeGitlab(drift)
    const dir = mkdtempSync(join(tmpdir(), 'drift-cli-'))
    const result = await runCli([
      'verify', '--base-url', fake.url, '--token', ADMIN_TOKEN, '--runner-token', RUNNER_TOKEN, '--project', '5', '--group', '9',
      '--report', 'text', '--report', `junit:${join(dir, 'drift.xml')}`, '--report', `json:${join(dir, 'drift.json')}`,
    ])
    expect(result.code).toBe(1)
    expect(result.stdout).toContain('FAIL getRunner  GET /runners/{id}')
    const junit = readFileSync(join(dir, 'drift.xml'), 'utf8')
    expect(junit).toMatch(/<testsuites name="gitlab-runners-mock verify: http:\/\/127\.0\.0\.1:\d+\/api\/v4" tests="\d+" failures="\d+" errors="0" skipped="1">/)
    expect(junit).toContain('<testsuite name="getRunner GET /runners/{id}"')
    expect(junit).toMatch(/<testcase classname="gitlab-runners-mock.getRunner" name="#\d+ probe &quot;details of \w+ runner&quot;: GET \/api\/v4\/runners\/\d+ → 200">/)
    expect(junit).toContain('<failure message="3 contract violations: missing-required, type-mismatch, unexpected-null" type="drift">')
    expect(junit).toContain('<failure message="1 contract violation: undocumented-status" type="drift">')
    const json = JSON.parse(readFileSync(join(dir, 'drift.json'), 'utf8')) as { totals: unknown; outcome: unknown }
    expect(json.totals).toEqual({ errors: expect.any(Number), warnings: expect.any(Number), infos: 0 })
    expect(json.outcome).toEqual({ result: 'drift', exitCode: 1, verdict: expect.stringMatching(/^DRIFT: GitLab disagrees with the contract \(\d+ error findings\)\.$/), problems: [] })
  })

  it('never prints a token: not in output, errors or any report', async () => {
    fake = await startFakeGitlab(drift)
    const dir = mkdtempSync(join(tmpdir(), 'drift-cli-'))
    const reports = ['text', 'json', 'junit'].map((format) => join(dir, `report.${format}`))
    const result = await runCli([
      'verify', '--base-url', fake.url, '--token', ADMIN_TOKEN, '--runner-token', RUNNER_TOKEN, '--project', '5', '--group', '9', '--writes',
      ...['text', 'json', 'junit'].flatMap((format, index) => ['--report', `${format}:${reports[index]}`]), '--report', 'json',
    ])
    const outputs = [result.stdout, result.stderr, ...reports.map((file) => readFileSync(file, 'utf8'))]
    expect(result.code).toBe(1)
    for (const output of outputs) {
      for (const secret of [ADMIN_TOKEN, RUNNER_TOKEN, LEGACY_DETAILS_TOKEN, 'glrt-']) expect(output).not.toContain(secret)
    }
  })

  it('exits 2 with an authentication problem when GitLab refuses the token', async () => {
    fake = await startFakeGitlab()
    const result = await runCli(['verify', '--base-url', fake.url, '--token', 'glpat-NOTVALID0000000000'])
    expect({ code: result.code, stderr: result.stderr }).toEqual({
      code: 2,
      stderr: 'checked listRunners: 1 exchange, 0 errors, 0 warnings\nauthentication problem: GitLab refused the token (401 on GET /runners): check --token and that it is not expired or revoked\n',
    })
  })

  it('exits 2 with a connection problem when nothing listens', async () => {
    fake = await startFakeGitlab()
    const url = fake.url
    await fake.close()
    fake = undefined
    const result = await runCli(['verify', '--base-url', url, '--token', ADMIN_TOKEN, '--retries', '0'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(`connection problem: Cannot connect to ${new URL(url).origin}: ECONNREFUSED\n`)
  })

  it('exits 2 with a usage problem, echoing no token, when an option is wrong', async () => {
    const result = await runCli(['verify', '--token', ADMIN_TOKEN, '--report', 'pdf'])
    expect(result.code).toBe(2)
    expect(result.stderr.split('\n')[0]).toBe('usage problem: --base-url is required')
    const typo = await runCli(['verify', `--tokn=${ADMIN_TOKEN}`])
    expect(typo.code).toBe(2)
    expect(typo.stderr).not.toContain(ADMIN_TOKEN)
  })
})
