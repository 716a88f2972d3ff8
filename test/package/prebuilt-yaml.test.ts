// The YAML files the package ships (contracts, built-in scenarios, fixtures) start from their
// build-time JSON in <folder>/generated/ (src/prebuilt.ts): no YAML parsing at start-up. The JSON must
// be exactly what the YAML parses to, must not be used once the YAML changes, and a file of the user's
// own is always read as YAML.
import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { loadContract } from '../../src/contract/index.js'
import { prebuiltYaml, readPrebuilt } from '../../src/prebuilt.js'
import { loadScenario } from '../../src/scenarios/load.js'

const packaged = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url))
const shipped = ['openapi', 'scenarios', 'fixtures'].flatMap((folder) =>
  readdirSync(packaged(folder)).filter((name) => name.endsWith('.yaml')).map((name) => `${folder}/${name}`),
)
const scratch = mkdtempSync(join(tmpdir(), 'grm-prebuilt-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

/**
 * Plants generated/<name>.json beside the user's file `file` in scratch: a shipped file's JSON holding
 * `change`d data, made (by its hash) from the user's very text: only a lookup outside the package would use it.
 */
function plant(file: string, generated: string, change: (data: Record<string, unknown>) => void): void {
  const planted = JSON.parse(readFileSync(packaged(generated), 'utf8')) as { sha256: string; data: Record<string, unknown> }
  planted.sha256 = createHash('sha256').update(readFileSync(join(scratch, file), 'utf8')).digest('hex')
  change(planted.data)
  mkdirSync(join(scratch, 'generated'), { recursive: true })
  writeFileSync(join(scratch, 'generated', file.replace(/\.yaml$/, '.json')), JSON.stringify(planted))
}

describe('the build-time JSON of the shipped YAML', () => {
  it('covers the contracts, the built-in scenarios and the fixtures', () => {
    expect(shipped).toEqual(expect.arrayContaining(['openapi/gitlab-runners.yaml', 'openapi/control.yaml', 'scenarios/default.yaml', 'scenarios/bench.yaml', 'fixtures/doc-runners.yaml']))
  })

  for (const file of shipped) {
    it(`holds what ${file} parses to`, () => {
      const text = readFileSync(packaged(file), 'utf8')
      const prebuilt = prebuiltYaml(packaged(file), text)
      expect(prebuilt).toBeDefined()
      expect(prebuilt?.data).toStrictEqual(parse(text))
    })
  }

  it('is not used for a YAML text it was not made from', () => {
    const text = readFileSync(packaged('openapi/control.yaml'), 'utf8')
    expect(prebuiltYaml(packaged('openapi/control.yaml'), `${text}\n# edited\n`)).toBeUndefined()
    expect(readPrebuilt(join(scratch, 'missing.json'), text)).toBeUndefined()
  })

  it("is never looked for beside a contract of the user's own", () => {
    const file = join(scratch, 'control.yaml')
    copyFileSync(packaged('openapi/control.yaml'), file)
    plant('control.yaml', 'openapi/generated/control.json', (data) => ((data['info'] as { title: string }).title = 'planted'))
    expect(readPrebuilt(join(scratch, 'generated', 'control.json'), readFileSync(file, 'utf8'))).toBeDefined()
    expect((loadContract(file, { checkSchemas: false }).document['info'] as { title: string }).title).toBe('gitlab-runners-mock control API')
  })

  it("is never looked for beside a scenario of the user's own", () => {
    const file = join(scratch, 'default.yaml')
    writeFileSync(file, readFileSync(packaged('scenarios/default.yaml'), 'utf8').replace('../fixtures/doc-runners.yaml', packaged('fixtures/doc-runners.yaml')))
    plant('default.yaml', 'scenarios/generated/default.json', (data) => ((data['instance'] as { web_url: string }).web_url = 'https://planted.example'))
    expect(loadScenario(file, { now: Date.UTC(2026, 0, 1) }).instance.webUrl).toBe('https://gitlab.example.com')
  })
})
