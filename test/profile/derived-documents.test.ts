// Every derived document is held to the main document's standard: Redocly's lint with the project's
// rules, and every example valid against its schema (an example a release could not send is adapted
// or dropped by the derivation, never left wrong).
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { stringify } from 'yaml'
import { afterAll, describe, expect, it } from 'vitest'
import { diffProfiles } from '../../src/profile/diff.js'
import { parseRelease, profileFor } from '../../src/profile/index.js'
import { collectExamples, createAjv, exampleErrors, readSpec, type Json } from '../helpers/contract-examples.js'

const source = readSpec()
const releases = ['11.11', '14.10', '15.11', '16.11', '17.11', '18']
const documents = releases.map((release) => [release, profileFor(source, parseRelease(release)).document] as const)
const root = fileURLToPath(new URL('../..', import.meta.url))
const scratch = mkdtempSync(join(tmpdir(), 'derived-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('derived documents', () => {
  it('pass the Redocly lint the main document passes', async () => {
    const files = documents.map(([release, document]) => {
      const file = join(scratch, `gitlab-runners-${release}.yaml`)
      writeFileSync(file, stringify(document, { aliasDuplicateObjects: false }))
      return file
    })
    const redocly = join(root, 'node_modules', '.bin', 'redocly')
    const { stdout, stderr } = await promisify(execFile)(redocly, ['lint', ...files, '--format=stylish'], { cwd: root }).catch((error: { stdout: string; stderr: string }) => error)
    expect(`${stdout}\n${stderr}`).toContain('Your API descriptions are valid')
    expect(`${stdout}\n${stderr}`).not.toMatch(/You have \d+ warnings?/)
  }, 60_000)

  it.each(documents)('%s: every example matches its schema', (_release, document) => {
    const ajv = createAjv(document as Json)
    const wrong = collectExamples(document as Json).flatMap((site) => exampleErrors(ajv, site).map((error) => `${site.at} ${error}`))
    expect(wrong).toEqual([])
  })

  it('keep examples for the shapes a release had: verify answers the bare 200 before 16.0', () => {
    const verify = (release: string) => ((profileFor(source, parseRelease(release)).document as Json)['paths'] as Json)['/runners/verify'] as Json
    const body = (release: string) => (((verify(release)['post'] as Json)['responses'] as Json)['200'] as Json)['content'] as Json
    expect((body('15.11')['application/json'] as Json)['example']).toBe(200)
    expect((body('16.0')['application/json'] as Json)['examples']).toBeDefined()
  })
})

describe('contract diff', () => {
  const diff = (a: string, b: string) => diffProfiles(profileFor(source, parseRelease(a)), profileFor(source, parseRelease(b)))

  it('16.11 → 17.0 lists ip_address becoming null, as a breaking change', () => {
    const changes = diff('16.11', '17.0').changes
    expect(changes).toContainEqual({ breaking: true, kind: 'changed-type', subject: 'Runner.ip_address', description: 'Runner.ip_address: string | null → null' })
    expect(changes).toContainEqual(expect.objectContaining({ breaking: false, kind: 'new-operation', subject: 'listRunnerManagers' }))
  })

  it('puts breaking changes before additive ones', () => {
    const changes = diff('11.11', '18').changes
    const firstAdditive = changes.findIndex((change) => !change.breaking)
    expect(firstAdditive).toBeGreaterThan(0)
    expect(changes.slice(firstAdditive).every((change) => !change.breaking)).toBe(true)
  })

  it('14.10 → 15.0 lists the status values that changed and the details token long gone', () => {
    const subjects = diff('14.10', '15.0').changes.map((change) => `${change.breaking ? '!' : '+'} ${change.kind} ${change.subject}`)
    expect(subjects).toContain('! removed-enum-value RunnerStatus=not_connected')
    expect(subjects).toContain('! new-enum-value RunnerStatus=never_contacted')
    expect(subjects).toContain('! changed-behaviour behaviour:neverContactedStatus')
    expect(diff('12.10', '13.0').changes.map((change) => change.subject)).toContain('RunnerDetails.token')
  })

  it('is empty between a release and itself', () => {
    expect(diff('17.11', '17.11').changes).toEqual([])
  })
})
