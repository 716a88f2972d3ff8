// The command in a checkout runs dist/ only while `npm run build` compiled it from the sources as they
// are now (bin/gitlab-runners-mock.js, scripts/build-stamp.cjs); any change to a source sends it back to
// the sources, so tests never run a stale build.
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { builtFromCurrentSources, sourceFingerprint, STAMP_FILE } from '../../scripts/build-stamp.cjs'

const root = mkdtempSync(join(tmpdir(), 'grm-stamp-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

function stamp(): void {
  writeFileSync(join(root, STAMP_FILE), JSON.stringify({ fingerprint: sourceFingerprint(root) }))
}

describe('the build stamp', () => {
  mkdirSync(join(root, 'src', 'cli'), { recursive: true })
  mkdirSync(join(root, 'dist'))
  writeFileSync(join(root, 'tsconfig.json'), '{}')
  writeFileSync(join(root, 'tsconfig.build.json'), '{}')
  writeFileSync(join(root, 'src', 'cli.ts'), 'export {}\n')
  writeFileSync(join(root, 'src', 'cli', 'main.ts'), 'export {}\n')

  it('is missing before a build, so the sources run', () => {
    expect(builtFromCurrentSources(root)).toBe(false)
  })

  it('matches right after a build', () => {
    stamp()
    expect(builtFromCurrentSources(root)).toBe(true)
  })

  it('stops matching when a source changes, a source is added or a tsconfig changes', () => {
    stamp()
    appendFileSync(join(root, 'src', 'cli', 'main.ts'), 'export const changed = 1\n')
    expect(builtFromCurrentSources(root)).toBe(false)
    stamp()
    writeFileSync(join(root, 'src', 'cli', 'new.ts'), 'export {}\n')
    expect(builtFromCurrentSources(root)).toBe(false)
    stamp()
    writeFileSync(join(root, 'tsconfig.build.json'), '{ "compilerOptions": {} }')
    expect(builtFromCurrentSources(root)).toBe(false)
  })

  it('does not match a stamp it cannot read', () => {
    writeFileSync(join(root, STAMP_FILE), 'not json')
    expect(builtFromCurrentSources(root)).toBe(false)
  })
})
