// `gitlab-runners-mock contract` through the real command line, as a client author runs it.
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { runCli } from '../drift/spawn-cli.js'

const run = promisify(execFile)
const ROOT = fileURLToPath(new URL('../..', import.meta.url))

describe('gitlab-runners-mock contract', () => {
  it('prints the document as a release answers, as YAML by default', async () => {
    const { code, stdout } = await runCli(['contract', '--gitlab-version', '14.10.3-ee'])
    expect(code).toBe(0)
    const document = parse(stdout) as { info: Record<string, unknown>; paths: Record<string, unknown> }
    expect(document.info['x-gitlab-release']).toBe('14.10')
    expect(Object.keys(document.paths)).not.toContain('/runners/{id}/managers')
  })

  it('prints JSON with --format json, the newest without --gitlab-version', async () => {
    const { code, stdout } = await runCli(['contract', '--format', 'json'])
    expect(code).toBe(0)
    expect(Object.keys((JSON.parse(stdout) as { paths: object }).paths)).toContain('/runners/{id}/managers')
  })

  it('diffs two releases as text, breaking changes first', async () => {
    const { code, stdout } = await runCli(['contract', 'diff', '16.11', '17.0'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^GitLab 16\.11 → 17\.0: \d+ breaking, \d+ additive\n\nBreaking\n/)
    expect(stdout).toContain('changed-type       Runner.ip_address: string | null → null')
    expect(stdout.indexOf('Breaking')).toBeLessThan(stdout.indexOf('Additive'))
  })

  it('diffs as JSON', async () => {
    const { code, stdout } = await runCli(['contract', 'diff', '16.11', '17.0', '--format', 'json'])
    expect(code).toBe(0)
    const diff = JSON.parse(stdout) as { from: string; to: string; changes: { subject: string }[] }
    expect([diff.from, diff.to]).toEqual(['16.11', '17.0'])
    expect(diff.changes.map((change) => change.subject)).toContain('RunnerDetails.ip_address')
  })

  it('counts the versioned elements and lists the window facts', async () => {
    const { code, stdout } = await runCli(['contract', 'facts', '--format', 'json'])
    expect(code).toBe(0)
    const summary = JSON.parse(stdout) as { versioned: Record<string, number>; windows: { ids: string[] }[] }
    expect(summary.versioned['operation']).toBeGreaterThan(0)
    expect(summary.windows.flatMap((fact) => fact.ids)).toContain('operation:listRunnerManagers')
  })

  it.each([
    [['contract', '--gitlab-version', '10.8'], /GitLab 10 is not supported \(supported: GitLab 11\.0 to 18\.11/],
    [['contract', 'diff', '16.11'], /contract diff takes two releases/],
    [['contract', '--format', 'xml'], /--format must be yaml or json here, got xml/],
    [['contract', 'dif', '1', '2'], /unknown subcommand 'dif'/],
  ])('refuses %j with exit code 2 and a clear message', async (args, message) => {
    const { code, stderr } = await runCli(args)
    expect(code).toBe(2)
    expect(stderr).toMatch(message)
  })
})

describe('a reader that stops early', () => {
  it('ends the output, not the command with a stack trace (`contract | head`)', async () => {
    // The pipe as a shell makes it: head reads 100 bytes and exits while the command still writes.
    const { stdout, stderr } = await run('bash', ['-c', `"${process.execPath}" bin/gitlab-runners-mock.js contract | head -c 100 > /dev/null; echo "exit \${PIPESTATUS[0]}"`], { cwd: ROOT })
    expect({ stdout, stderr }).toEqual({ stdout: 'exit 0\n', stderr: '' })
  })
})
