// A scenario loaded over the control API may only read files in scenarios/, fixtures/ and folders the
// user allowed (--allow-dir): a page or a remote client must not read /etc/passwd through replay: or
// include:, nor learn which files exist. Errors never echo a file's contents.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startTestMock } from '../helpers/start-mock.js'
import { control } from '../control/control-client.js'

const SECRET = 'TOP-SECRET-CONTENT'
const outside = mkdtempSync(join(tmpdir(), 'outside-'))
writeFileSync(join(outside, 'secret.json'), `${SECRET}\n`)
writeFileSync(join(outside, 'secret.yaml'), `users:\n  - username: ${SECRET}\n`)
const allowed = mkdtempSync(join(tmpdir(), 'allowed-'))
writeFileSync(join(allowed, 'world.yaml'), 'users:\n  - { username: from-allowed, admin: true }\n')
writeFileSync(join(allowed, 'not-json.json'), `${SECRET} is not JSON\n`)
mkdirSync(join(allowed, 'recorded'))
writeFileSync(
  join(allowed, 'recorded', '0001-version.json'),
  JSON.stringify({ request: { method: 'GET', path: '/version', query: {} }, response: { status: 200, headers: {}, body: { version: '17.0.0' } } }),
)
symlinkSync(join(outside, 'secret.yaml'), join(allowed, 'link.yaml'))

const loadYaml = (mock: Parameters<typeof control>[0], yaml: string) => control(mock, 'POST', '/scenario', { body: { yaml } })

function messageOf(body: unknown): string {
  return (body as { message: string }).message
}

describe('files a scenario names over the control API', async () => {
  const mock = await startTestMock({ allowDirs: [allowed] })

  it.each([
    ['replay: a file', (path: string) => `replay: [${path}]`],
    ['include: a file', (path: string) => `include: [${path}]`],
  ])('refuses %s outside the allowed folders, the same way whether it exists or not', async (_what, yaml) => {
    const existing = await loadYaml(mock, yaml(join(outside, 'secret.json')))
    const missing = await loadYaml(mock, yaml(join(outside, 'missing.json')))
    expect(existing.status).toBe(400)
    expect(messageOf(existing.body)).not.toContain(SECRET)
    expect(messageOf(existing.body)).toContain('outside the folders a scenario loaded over the control API may read')
    expect(messageOf(missing.body).replace('missing.json', 'secret.json')).toBe(messageOf(existing.body))
  })

  it.each([
    ['/etc/passwd through replay:', 'replay: [/etc/passwd]'],
    ['/etc/hostname through include:', 'include: [/etc/hostname]'],
    ['a climb out of scenarios/', 'include: [../../../../../../../../etc/passwd]'],
    ['a folder of recordings outside', `replay: [${outside}]`],
    ['a symlink out of an allowed folder', `include: [${join(allowed, 'link.yaml')}]`],
  ])('refuses %s', async (_what, yaml) => {
    const response = await loadYaml(mock, yaml)
    expect(response.status).toBe(400)
    expect(messageOf(response.body)).toContain('outside the folders a scenario loaded over the control API may read')
    expect(messageOf(response.body)).not.toMatch(/root:|TOP-SECRET/)
  })

  it('reads fixtures/ and scenarios/', async () => {
    expect((await loadYaml(mock, 'include: [../fixtures/doc-runners.yaml, empty.yaml]')).status).toBe(204)
    expect(mock.exportState().runners.map((runner) => runner.id)).toContain(6)
  })

  it('reads a folder the user allowed with --allow-dir', async () => {
    expect((await loadYaml(mock, `include: [${join(allowed, 'world.yaml')}]\nreplay: [${join(allowed, 'recorded')}]`)).status).toBe(204)
    expect(mock.exportState().users.map((user) => user.username)).toEqual(['from-allowed'])
  })

  it('never echoes the contents of a file that is not a recording', async () => {
    const response = await loadYaml(mock, `replay: [${join(allowed, 'not-json.json')}]`)
    expect(response.status).toBe(400)
    expect(messageOf(response.body)).not.toContain(SECRET)
    expect(messageOf(response.body)).toContain('not a recording: not valid JSON')
  })
})

describe('scenarios the user loads from the command line or code', async () => {
  const mock = await startTestMock()

  it('keep reading any file the user names', () => {
    const mine = join(outside, 'mine.yaml')
    writeFileSync(mine, `include: [${join(allowed, 'world.yaml')}]\n`)
    mock.load(mine)
    expect(mock.exportState().users.map((user) => user.username)).toEqual(['from-allowed'])
  })
})
