// The real `serve` command with --state-file and --watch: state survives a SIGKILL in the middle of
// heavy writes with every acknowledged change, and scenario files reload without a restart.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { readStateFile } from '../../src/control/state-file.js'

const BIN = new URL('../../bin/gitlab-runners-mock.js', import.meta.url).pathname
const EMPTY = new URL('../../scenarios/empty.yaml', import.meta.url).pathname
const ADMIN = 'glpat-admin-0000000000000'
const running: ChildProcess[] = []

interface Served {
  child: ChildProcess
  url: string
  output: () => string
  exited: Promise<number | null>
}

async function serve(args: string[]): Promise<Served> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
  running.push(child)
  let text = ''
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (text += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const [, url] = await waitFor(() => text, /GitLab Runners API on (\S+)/)
  return { child, url: url!, output: () => text, exited }
}

async function waitFor(output: () => string, pattern: RegExp, timeoutMs = 20_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const match = output().match(pattern)
    if (match) return match
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; output so far:\n${output()}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

async function descriptions(url: string): Promise<string[]> {
  const found: string[] = []
  for (let page = 1; ; page++) {
    const response = await fetch(`${url}/runners/all?per_page=100&page=${page}`, { headers: { 'PRIVATE-TOKEN': ADMIN } })
    const runners = (await response.json()) as Array<{ description: string }>
    found.push(...runners.map((runner) => runner.description))
    if (runners.length < 100) return found
  }
}

afterEach(() => {
  for (const child of running.splice(0)) child.kill('SIGKILL')
})

describe('serve --state-file', () => {
  it('restarts after a SIGKILL during heavy writes from a valid file holding every acknowledged write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mock-state-'))
    const file = join(dir, 'state.json')
    const first = await serve(['--scenario', 'empty', '--state-file', file])
    const acknowledged: string[] = []
    let killed = false
    const writer = async (lane: number): Promise<void> => {
      for (let i = 0; !killed; i++) {
        const description = `lane-${lane}-${i}`
        try {
          const response = await fetch(`${first.url}/user/runners`, {
            method: 'POST',
            headers: { 'PRIVATE-TOKEN': ADMIN, 'Content-Type': 'application/json' },
            body: JSON.stringify({ runner_type: 'instance_type', description }),
          })
          if (response.status === 201) acknowledged.push(description)
        } catch {
          return
        }
      }
    }
    const lanes = Array.from({ length: 8 }, (_, lane) => writer(lane))
    await waitFor(() => String(acknowledged.length), /^([3-9]\d\d|\d{4,})$/)
    first.child.kill('SIGKILL')
    killed = true
    await Promise.all([...lanes, first.exited])

    // Only whole files were ever renamed into place: the file parses and holds every acknowledged runner.
    const saved = readStateFile(file)
    expect(saved?.runners.map((runner) => runner.description)).toEqual(expect.arrayContaining(acknowledged))
    const second = await serve(['--scenario', 'empty', '--state-file', file])
    const served = await descriptions(second.url)
    expect(served).toEqual(expect.arrayContaining(acknowledged))
    expect(served.length).toBeGreaterThanOrEqual(acknowledged.length)
    expect(readdirSync(dir).filter((name) => name.endsWith('.json'))).toEqual(['state.json'])
  }, 60_000)

  it('keeps a change across a clean stop and a restart', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mock-state-')), 'state.json')
    const first = await serve(['--state-file', file])
    const put = await fetch(`${first.url}/runners/10`, {
      method: 'PUT',
      headers: { 'PRIVATE-TOKEN': ADMIN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ description: 'kept across restarts' }),
    })
    expect(put.status).toBe(200)
    first.child.kill('SIGTERM')
    expect(await first.exited).toBe(0)
    const second = await serve(['--state-file', file])
    const runner = (await (await fetch(`${second.url}/runners/10`, { headers: { 'PRIVATE-TOKEN': ADMIN } })).json()) as { description: string }
    expect(runner.description).toBe('kept across restarts')
  }, 30_000)

  it('refuses a file that is not a state file, naming it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'mock-state-')), 'state.json')
    writeFileSync(file, '{"runners": []}')
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--state-file', file], { stdio: ['ignore', 'pipe', 'pipe'] })
    running.push(child)
    let text = ''
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()))
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    expect([code, text]).toEqual([2, `${file}: not a state file: expected format 'gitlab-runners-mock-state/1'\n`])
  }, 30_000)
})

describe('serve --watch', () => {
  it('reloads on a change to an included file, and keeps the state when a file breaks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mock-watch-'))
    const main = join(dir, 'main.yaml')
    const part = join(dir, 'part.yaml')
    writeFileSync(main, `include: [${EMPTY}, part.yaml]\n`)
    writeFileSync(part, 'runners:\n  - runner_type: instance_type\n    description: first\n')
    const served = await serve(['--watch', '--scenario', main])
    expect(await descriptions(served.url)).toEqual(['first'])

    writeFileSync(part, 'runners:\n  - runner_type: instance_type\n    description: first\n  - runner_type: instance_type\n    description: second\n')
    await waitFor(served.output, /reloaded scenario/)
    expect(await descriptions(served.url)).toEqual(['first', 'second'])

    writeFileSync(part, 'runners:\n  - runner_type: instance_type\n    description: first\n  - runner_type: bogus\n')
    await waitFor(served.output, /kept the previous state/)
    expect(served.output()).toContain(`${part}:4 runners[1].runner_type: must be one of instance_type, group_type, project_type\nkept the previous state\n`)
    expect(await descriptions(served.url)).toEqual(['first', 'second'])

    writeFileSync(part, 'runners:\n  - runner_type: instance_type\n    description: fixed\n')
    await waitFor(served.output, /kept the previous state\n(.|\n)*reloaded scenario/)
    expect(await descriptions(served.url)).toEqual(['fixed'])
  }, 60_000)
})
