// `npm run lint:spec` shows Redocly's findings and nothing else: no boxed Node.js 20 notice on every run.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { expect, it } from 'vitest'

const ROOT = new URL('../..', import.meta.url).pathname

it('lints both contracts without the Node.js 20 support notice', async () => {
  const { stdout, stderr } = await promisify(execFile)(process.execPath, ['scripts/lint-spec.js'], { cwd: ROOT })
  const output = stdout + stderr
  expect(output).toContain('openapi/control.yaml: validated')
  expect(output).not.toMatch(/Node\.js 20|╔/)
})
