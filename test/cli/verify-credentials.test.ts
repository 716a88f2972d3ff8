// `verify --base-url http://user:password@host/…`: the password never appears in output or any report.
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ADMIN_TOKEN, startFakeGitlab } from '../drift/fake-gitlab.js'
import { runCli } from '../drift/spawn-cli.js'

const PASSWORD = 'hunter2-in-the-url'
const fake = await startFakeGitlab()
afterAll(() => fake.close())

describe('verify with credentials in the base URL', () => {
  it('prints neither the password nor the token, on stderr or in the text, JSON and JUnit reports', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'verify-credentials-'))
    const reports = ['text', 'json', 'junit'].map((format) => join(dir, `report.${format}`))
    const baseUrl = fake.url.replace('http://', `http://deploy:${PASSWORD}@`)
    const result = await runCli(['verify', '--base-url', baseUrl, '--token', ADMIN_TOKEN, ...['text', 'json', 'junit'].flatMap((format, index) => ['--report', `${format}:${reports[index]}`])])
    const outputs = [result.stdout, result.stderr, ...reports.map((file) => readFileSync(file, 'utf8'))]
    for (const output of outputs) {
      expect(output).not.toContain(PASSWORD)
      expect(output).not.toContain(ADMIN_TOKEN)
    }
    const json = JSON.parse(outputs[3]!) as { target: string }
    expect(json.target).toBe(fake.url.replace('http://', 'http://deploy:[REDACTED]@'))
  })
})
