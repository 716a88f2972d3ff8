// The real command line, spawned: `serve` prints a URL, tokens and a curl line that work; bad input
// ends with a clear message and exit code 2, never a stack trace.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const BIN = new URL('../../bin/gitlab-runners-mock.js', import.meta.url).pathname
const running: ChildProcess[] = []

function start(args: string[]): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  running.push(child)
  let text = ''
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  return { child, output: () => text, exited }
}

async function waitFor(output: () => string, pattern: RegExp, timeoutMs = 20_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const match = output().match(pattern)
    if (match) return match
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; output so far:\n${output()}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL')
})

describe('gitlab-runners-mock serve', () => {
  it('prints a working curl line and a token for each kind of caller, and stops cleanly on SIGTERM', async () => {
    const serve = start(['serve', '--port', '0'])
    const [, curlToken, curlUrl] = await waitFor(serve.output, /curl -H "PRIVATE-TOKEN: (\S+)" "(\S+)"/)
    for (const role of ['administrator', 'group owner', 'project maintainer', 'developer', 'outsider']) {
      expect(serve.output()).toMatch(new RegExp(`^  ${role} +glpat-\\S+ +\\(\\w+\\)$`, 'm'))
    }
    expect(curlUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v4\/runners\/all\?per_page=5$/)

    const response = await fetch(curlUrl!, { headers: { 'PRIVATE-TOKEN': curlToken! } })
    expect(response.status).toBe(200)
    expect(response.headers.get('x-per-page')).toBe('5')
    expect(((await response.json()) as unknown[]).length).toBe(5)

    serve.child.kill('SIGTERM')
    expect(await serve.exited).toBe(0)
  })

  it('names the file, line and field of a broken scenario and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grm-serve-'))
    const file = join(dir, 'broken.yaml')
    writeFileSync(file, 'users:\n  - username: a\n    admin: maybe\n')
    const serve = start(['serve', '--port', '0', '--scenario', file])
    expect(await serve.exited).toBe(2)
    expect(serve.output()).toContain(`${file}:3 users[0].admin:`)
    expect(serve.output()).not.toMatch(/\n\s+at /)
  })

  it('refuses a port that is not a number', async () => {
    const serve = start(['serve', '--port', 'eighty'])
    expect(await serve.exited).toBe(2)
    expect(serve.output()).toBe('--port must be an integer from 0 to 65535, got eighty\n')
  })

  it('lists the commands for an unknown one and exits 2', async () => {
    const cli = start(['frobnicate'])
    expect(await cli.exited).toBe(2)
    expect(cli.output()).toMatch(/^unknown command: frobnicate\n\nUsage: gitlab-runners-mock <command>/)
  })
})

describe('gitlab-runners-mock serve --gitlab-version', () => {
  it('answers as that release and says so in the banner and on GET /version', async () => {
    const serve = start(['serve', '--port', '0', '--gitlab-version', '14.10.3-ee'])
    const [, url] = await waitFor(serve.output, /GitLab Runners API on (\S+) as GitLab 14\.10 \(scenario: default\)/)
    const [, token] = await waitFor(serve.output, /curl -H "PRIVATE-TOKEN: (\S+)"/)
    const response = await fetch(`${url}/version`, { headers: { 'PRIVATE-TOKEN': token! } })
    expect(await response.json()).toEqual({ version: '14.10.0-ee', revision: '0d1d3c7a8b5' })
  })

  it.each([
    ['junk', "--gitlab-version: 'junk' is not a GitLab release (expected MAJOR.MINOR such as 17.11; supported: GitLab 11.0 to 18.11"],
    ['10.8', '--gitlab-version: GitLab 10 is not supported (supported: GitLab 11.0 to 18.11'],
  ])('refuses %s, naming the supported range, and exits 2', async (version, message) => {
    const serve = start(['serve', '--port', '0', '--gitlab-version', version])
    expect(await serve.exited).toBe(2)
    expect(serve.output()).toContain(message)
    expect(serve.output()).not.toMatch(/\n\s+at /)
  })
})
