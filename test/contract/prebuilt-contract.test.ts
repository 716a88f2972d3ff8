// The shipped contracts start from openapi/generated/<name>.json (no YAML parsing at start-up). The
// JSON must be exactly what the YAML parses to, must not be used once the YAML changes, and a
// contract file of the user's own is always read as YAML.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { loadContract } from '../../src/contract/index.js'
import { readPrebuilt } from '../../src/contract/load.js'

const openapi = (name: string): string => fileURLToPath(new URL(`../../openapi/${name}`, import.meta.url))
const scratch = mkdtempSync(join(tmpdir(), 'grm-prebuilt-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('the build-time JSON of the shipped contracts', () => {
  for (const name of ['gitlab-runners', 'control']) {
    it(`holds what openapi/${name}.yaml parses to (${name})`, () => {
      const text = readFileSync(openapi(`${name}.yaml`), 'utf8')
      const prebuilt = readPrebuilt(openapi(`generated/${name}.json`), text)
      expect(prebuilt).toBeDefined()
      expect(prebuilt).toStrictEqual(parse(text))
    })
  }

  it('is not used for a YAML text it was not made from', () => {
    const text = readFileSync(openapi('control.yaml'), 'utf8')
    expect(readPrebuilt(openapi('generated/control.json'), `${text}\n# edited\n`)).toBeUndefined()
    expect(readPrebuilt(join(scratch, 'missing.json'), text)).toBeUndefined()
  })

  it("is never looked for beside a contract of the user's own", () => {
    const file = join(scratch, 'control.yaml')
    copyFileSync(openapi('control.yaml'), file)
    const text = readFileSync(file, 'utf8')
    // A JSON made from this very text, but saying something else: the YAML must win.
    const planted = JSON.parse(readFileSync(openapi('generated/control.json'), 'utf8')) as { document: { info: { title: string } } }
    planted.document.info.title = 'planted'
    mkdirSync(join(scratch, 'generated'))
    writeFileSync(join(scratch, 'generated', 'control.json'), JSON.stringify(planted))
    expect(readPrebuilt(join(scratch, 'generated', 'control.json'), text)).toBeDefined()
    expect((loadContract(file, { checkSchemas: false }).document['info'] as { title: string }).title).toBe('gitlab-runners-mock control API')
  })
})
