// The command's bundle (scripts/bundle.js) keeps what each module's `import.meta.url` meant: a module
// compiled to dist/<path>.js still finds the package's folders relative to dist/<path>.js, and still
// loads run-time packages through createRequire from there, though its code now sits in dist/bundle/.
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { bundleCommand } from '../../scripts/bundle.js'

const run = promisify(execFile)
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const root = mkdtempSync(join(tmpdir(), 'grm-bundle-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('the command bundle', () => {
  it("keeps each module's import.meta.url, for files beside the package and for createRequire", async () => {
    mkdirSync(join(root, 'dist', 'server', 'handlers'), { recursive: true })
    mkdirSync(join(root, 'assets'))
    symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir')
    writeFileSync(join(root, 'assets', 'note.txt'), 'found beside the package')
    writeFileSync(
      join(root, 'dist', 'server', 'handlers', 'where.js'),
      `import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
export const note = readFileSync(new URL('../../../assets/note.txt', import.meta.url), 'utf8')
export const yamlVersion = createRequire(import.meta.url)('yaml/package.json').version
`,
    )
    writeFileSync(
      join(root, 'dist', 'cli.js'),
      `const where = await import('./server/handlers/where.js')
console.log(JSON.stringify({ note: where.note, yaml: typeof where.yamlVersion }))
`,
    )
    await bundleCommand(join(root, 'dist'), ROOT)
    // The module is bundled, not loaded from dist/server/ (which is removed to prove it); it sits one
    // folder deeper than the bundle, so the bundle's own URL would miss assets/.
    rmSync(join(root, 'dist', 'server'), { recursive: true })
    expect(readdirSync(join(root, 'dist', 'bundle'))).toContain('cli.js')
    const { stdout } = await run(process.execPath, [join(root, 'dist', 'bundle', 'cli.js')])
    expect(JSON.parse(stdout)).toEqual({ note: 'found beside the package', yaml: 'string' })
  })
})
