// `npm run build`'s prebuilt files (scripts/prebuild.js), made by the compiled code in dist/: a shipped
// scenario that is broken is left out with a line naming it, and the build goes on with the others
// (loading the broken file reports its problem with its line, as before anything was prebuilt).
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { prebuildWorlds } from '../../scripts/prebuild.js'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const OUTPUTS = new Set(['worlds', 'facts', 'contracts'])
const work = mkdtempSync(join(tmpdir(), 'grm-prebuild-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** A compiled folder whose code is dist/'s (linked) and whose prebuilt outputs are its own. */
function compiledFolder(): string {
  const compiled = join(work, 'compiled')
  mkdirSync(compiled)
  for (const entry of readdirSync(join(ROOT, 'dist'))) {
    if (!OUTPUTS.has(entry)) symlinkSync(join(ROOT, 'dist', entry), join(compiled, entry))
  }
  return compiled
}

describe('the build’s prebuilt worlds', () => {
  it('leave out a broken scenario, naming it on stderr, and go on with the others', async () => {
    const compiled = compiledFolder()
    const root = join(work, 'package')
    mkdirSync(join(root, 'scenarios'), { recursive: true })
    writeFileSync(join(root, 'scenarios', 'a-broken.yaml'), 'users: [ { username: root\ngenerate: { seed: 1, runners: 3 }\n')
    writeFileSync(join(root, 'scenarios', 'b-small.yaml'), 'users:\n  - { username: root, admin: true }\ngenerate: { seed: 1, runners: 3, jobs_per_runner: 1 }\n')
    writeFileSync(join(root, 'scenarios', 'c-plain.yaml'), 'users:\n  - { username: root, admin: true }\n')
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      await prebuildWorlds(compiled, root)
      expect(errors.mock.calls.map(([line]) => String(line))).toEqual([expect.stringMatching(/^scenarios\/a-broken\.yaml not prebuilt: \S/)])
    } finally {
      errors.mockRestore()
    }
    // b-small's world; c-plain generates nothing, so it has none.
    expect(readdirSync(join(compiled, 'worlds'))).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.world$/)])
  })
})
