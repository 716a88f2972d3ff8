import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../drift/spawn-cli.js'

const TOKEN = 'glpat-HARTOKEN0000000000000'

const runner = { id: 6, description: 'test-1-20150125', ip_address: null, active: true, paused: false, is_shared: false, runner_type: 'project_type', name: 'gitlab-runner', online: true, created_at: '2025-05-01T10:00:00.000Z', status: 'online', job_execution_status: 'idle' }

function entry(method: string, url: string, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = body === undefined ? '' : JSON.stringify(body)
  return {
    startedDateTime: '2025-06-02T12:00:00.000Z',
    time: 12,
    request: { method, url, httpVersion: 'HTTP/1.1', headers: [{ name: 'PRIVATE-TOKEN', value: TOKEN }], queryString: [], cookies: [], headersSize: -1, bodySize: 0 },
    response: {
      status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers: Object.entries(headers).map(([name, value]) => ({ name, value })),
      cookies: [],
      content: { size: text.length, mimeType: 'application/json', text },
      redirectURL: '',
      headersSize: -1,
      bodySize: text.length,
    },
    cache: {},
    timings: { send: 0, wait: 12, receive: 0 },
  }
}

const pageHeaders = { 'X-Per-Page': '20', 'X-Page': '1', 'X-Next-Page': '', 'X-Prev-Page': '', 'X-Total': '1', 'X-Total-Pages': '1', Link: '<https://gitlab.example.com/api/v4/runners?page=1&per_page=20>; rel="first", <https://gitlab.example.com/api/v4/runners?page=1&per_page=20>; rel="last"' }

function har(entries: unknown[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'drift-har-'))
  const file = join(dir, 'gitlab.har')
  writeFileSync(file, JSON.stringify({ log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } }))
  return file
}

describe('gitlab-runners-mock validate', () => {
  it('exits 0 on a HAR file whose Runners traffic keeps the contract, skipping other GitLab APIs', async () => {
    const file = har([
      entry('GET', `https://gitlab.example.com/api/v4/runners?private_token=${TOKEN}`, 200, [runner], pageHeaders),
      entry('GET', 'https://gitlab.example.com/api/v4/runners/999', 404, { message: '404 Runner Not Found' }),
      entry('GET', 'https://gitlab.example.com/api/v4/projects', 200, []),
    ])
    const result = await runCli(['validate', file])
    expect(result.code).toBe(0)
    expect(result.stdout).toBe(
      [
        `gitlab-runners-mock validate: ${file}`,
        'Judged against GitLab 18.6 (the newest the contract describes; pin one with --gitlab-version)',
        'Checked 2 exchanges against the contract (1 outside the Runners API, skipped); 2 of 22 operations reached',
        'Findings: 0 errors, 0 warnings',
        '',
        'ok   listRunners  GET /runners  (1 exchange; status 200)',
        'ok   getRunner  GET /runners/{id}  (1 exchange; status 404)',
        'No drift.',
        '',
      ].join('\n'),
    )
  })

  it('exits 1 and names the finding, and the HAR entry that showed it, when recorded traffic breaks the contract', async () => {
    const file = har([
      entry('GET', 'https://gitlab.example.com/api/v4/runners', 200, [runner], pageHeaders),
      entry('GET', 'https://gitlab.example.com/api/v4/runners?type=project_type', 200, [{ ...runner, status: 'not_connected' }], pageHeaders),
    ])
    const result = await runCli(['validate', file, '--report', 'json'])
    expect(result.code).toBe(1)
    const report = JSON.parse(result.stdout) as { operations: { findings: unknown[] }[]; exchanges: unknown[] }
    const finding = {
      kind: 'unknown-enum',
      severity: 'error',
      status: 200,
      message: expect.any(String),
      expected: '["online","offline","stale","never_contacted","paused"]',
      actual: 'not_connected',
      versionNote: "'not_connected' removed in GitLab 15.0 (the never-contacted state before 15.0)",
      judgedAgainst: '18.6',
    }
    expect(report.operations[0]?.findings).toEqual([{ ...finding, pointer: '/*/status', occurrences: 1, exchanges: [2] }])
    expect(report.exchanges[1]).toEqual({
      index: 2,
      source: { kind: 'har', file, entry: 1 },
      operationId: 'listRunners',
      method: 'GET',
      path: '/api/v4/runners',
      query: '?type=project_type',
      status: 200,
      findings: [{ ...finding, pointer: '/0/status' }],
    })
  })

  it('exits 2 naming the file when it is not recorded traffic', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'drift-har-'))
    const file = join(dir, 'notes.json')
    writeFileSync(file, '{"hello": "world"}')
    const junit = join(dir, 'drift.xml')
    const result = await runCli(['validate', file, '--report', 'text', '--report', `junit:${junit}`])
    const problem = `usage problem: ${file}: expected a HAR file, a fixture { request, response } or a journal export of them`
    expect({ code: result.code, stderr: result.stderr, verdict: result.stdout.trimEnd().split('\n').at(-1) }).toEqual({ code: 2, stderr: `${problem}\n`, verdict: `COULD NOT CHECK: ${problem}` })
    // The widget must not show an empty, passing run.
    expect(readFileSync(junit, 'utf8')).toMatch(/<error message="usage problem: [^"]*notes\.json: expected a HAR file/)
  })

  it('never prints the token a HAR file recorded', async () => {
    const file = har([entry('GET', `https://gitlab.example.com/api/v4/runners/1?private_token=${TOKEN}`, 200, { token: TOKEN })])
    const result = await runCli(['validate', file, '--report', 'text', '--report', 'json', '--report', 'junit'])
    expect(result.code).toBe(1)
    expect(result.stdout + result.stderr).not.toContain(TOKEN)
  })
})
