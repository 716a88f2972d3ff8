// The command line behaves like the tools people know: --help/-h, --version/-v, `help <command>`,
// a typo answered with the nearest valid name, and configuration from environment variables.
import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { formatOptions, parseOptions, UsageError } from '../../src/cli/options.js'
import { closest } from '../../src/close-matches.js'
import { SERVE_OPTIONS } from '../../src/cli/serve.js'
import { runCli, startCli } from '../drift/spawn-cli.js'

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }

describe('gitlab-runners-mock at the top level', () => {
  it.concurrent.each([['--help'], ['-h'], ['help']])('%s prints the usage on stdout and exits 0', async (flag) => {
    const result = await runCli([flag])
    expect([result.code, result.stderr]).toEqual([0, ''])
    expect(result.stdout).toMatch(/^Usage: gitlab-runners-mock <command>/)
    expect(result.stdout).toContain('serve ')
  })

  it.concurrent.each([['--version'], ['-v']])('%s prints the package version', async (flag) => {
    const result = await runCli([flag])
    expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' })
  })

  it.concurrent('`help serve` prints serve\'s options with their environment variables', async () => {
    const result = await runCli(['help', 'serve'])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Usage: gitlab-runners-mock serve/)
    for (const env of ['PORT', 'HOST', 'GITLAB_RUNNERS_MOCK_SCENARIO', 'GITLAB_RUNNERS_MOCK_CONTROL_TOKEN']) expect(result.stdout).toContain(`env ${env}`)
  })

  it.concurrent('names the nearest command and option for a typo', async () => {
    const command = await runCli(['serv'])
    expect(command.code).toBe(2)
    expect(command.stderr).toMatch(/^unknown command: serv \(did you mean serve\?\)/)
    const option = await runCli(['serve', '--prot', '0'])
    expect(option.code).toBe(2)
    expect(option.stderr).toMatch(/^unknown option --prot \(did you mean --port\?\)/)
    const drift = await runCli(['verify', '--bse-url', 'https://gitlab.example.com/api/v4', '--token', 'glpat-secret-value'])
    expect(drift.code).toBe(2)
    expect(drift.stderr).toMatch(/^usage problem: unknown option --bse-url \(did you mean --base-url\?\)/)
    expect(drift.stderr).not.toContain('glpat-secret-value')
  })

  it.concurrent('serve reads PORT and GITLAB_RUNNERS_MOCK_SCENARIO, names the variable in a complaint, and prints links that answer', async () => {
    const bad = await runCli(['serve'], { PORT: 'eighty' })
    expect([bad.code, bad.stderr]).toEqual([2, 'PORT must be an integer from 0 to 65535, got eighty\n'])
    const { child, done } = startCli(['serve'], { PORT: '0', GITLAB_RUNNERS_MOCK_SCENARIO: 'empty' })
    let output = ''
    const banner = new Promise<string>((resolve) =>
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString()
        if (/Health: +\S+\n/.test(output)) resolve(output)
      }),
    )
    const text = await banner
    expect(text).toMatch(/on http:\/\/127\.0\.0\.1:(?!4600\b)\d+\/api\/v4 as GitLab \d+\.\d+ \(scenario: empty\)/)
    const health = await fetch(/Health: +(\S+)/.exec(text)![1]!)
    expect([health.status, ((await health.json()) as { scenario: string }).scenario]).toEqual([200, 'empty'])
    const control = await fetch(/Control: +(\S+)/.exec(text)![1]!)
    expect(control.status).toBe(200)
    child.kill('SIGTERM')
    expect((await done).code).toBe(0)
  })
})

describe('option tables', () => {
  it('a flag beats its environment variable, which beats the default', () => {
    expect(parseOptions(SERVE_OPTIONS, ['--port', '1'], { PORT: '2' }).values.port).toBe('1')
    expect(parseOptions(SERVE_OPTIONS, [], { PORT: '2' }).values.port).toBe('2')
    expect(parseOptions(SERVE_OPTIONS, [], {}).values.port).toBe('4600')
    expect(parseOptions(SERVE_OPTIONS, [], { PORT: '2' }).source.port).toBe('PORT')
  })

  it('refuses an unknown option, suggesting only a close one', () => {
    expect(() => parseOptions(SERVE_OPTIONS, ['--scenaro', 'x'], {})).toThrow(new UsageError('unknown option --scenaro (did you mean --scenario?)'))
    expect(() => parseOptions(SERVE_OPTIONS, ['--frobnicate'], {})).toThrow(new UsageError('unknown option --frobnicate'))
    expect(closest('--stat', ['--static', '--strict'])).toBe('--static')
  })

  it('lists every row in the help, with its default and variable', () => {
    const help = formatOptions(SERVE_OPTIONS)
    for (const option of SERVE_OPTIONS) expect(help).toContain(`--${option.name}`)
    expect(help).toMatch(/--port N\s+port to listen on; 0 picks a free one\n\s+\(default 4600, env PORT\)/)
  })
})
