// The command's bundle (scripts/bundle.js) keeps what each module's `import.meta.url` meant: a module
// compiled to dist/<path>.js still finds the package's folders relative to dist/<path>.js, and still
// loads run-time packages through createRequire from there, though its code now sits in dist/bundle/.
// bin/run-bundle.js runs it with V8's code cache when V8 takes the cache, and without it otherwise.
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleCommand, bundleFile } from '../../scripts/bundle.js'
import { writeCodeCache } from '../../scripts/code-cache.js'

const run = promisify(execFile)
const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const RUNNER = join(ROOT, 'bin', 'run-bundle.js')
const root = mkdtempSync(join(tmpdir(), 'grm-bundle-'))
const bundle = bundleFile(join(root, 'dist'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

/** Runs the bundle as the command does, in a fresh process: its output, and whether V8 took a cache (none given: false). */
async function runWithRunner(options: { useCache?: boolean; saveCache?: boolean } = {}): Promise<{ output: unknown; cacheTaken: boolean }> {
  const script = `import { writeFileSync } from 'node:fs'
import { codeCacheFile, runBundle } from ${JSON.stringify(RUNNER)}
const script = runBundle(${JSON.stringify(bundle)}, { useCache: ${options.useCache ?? true} })
process.on('exit', () => {
  if (${options.saveCache ?? false}) writeFileSync(codeCacheFile(${JSON.stringify(bundle)}), script.createCachedData())
  process.stderr.write(JSON.stringify({ cacheTaken: script.cachedDataRejected === false }))
})
`
  const { stdout, stderr } = await run(process.execPath, ['--input-type=module', '-e', script])
  return { output: JSON.parse(stdout) as unknown, ...(JSON.parse(stderr) as { cacheTaken: boolean }) }
}

describe('the command bundle', () => {
  beforeAll(async () => {
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
class Product {
  /** Kept by esbuild as written (a comment in a class body): 6 × 7 ≤ 42 */
  value = 6 * 7
}
export function answer() {
  return new Product().value
}
export const arrow = \`\${'a → b'} \${/[→]/.test('→')}\`
`,
    )
    writeFileSync(
      join(root, 'dist', 'cli.js'),
      `void import('./server/handlers/where.js').then((where) => {
  console.log(JSON.stringify({ note: where.note, yaml: typeof where.yamlVersion, answer: where.answer(), arrow: where.arrow }))
})
`,
    )
    await bundleCommand(join(root, 'dist'), ROOT)
    // The module is bundled, not loaded from dist/server/ (which is removed to prove it); it sits one
    // folder deeper than the bundle, so the bundle's own URL would miss assets/.
    rmSync(join(root, 'dist', 'server'), { recursive: true })
  })

  it("keeps each module's import.meta.url, for files beside the package and for createRequire", async () => {
    expect(readdirSync(join(root, 'dist', 'bundle'))).toEqual(['cli.cjs'])
    const { output } = await runWithRunner()
    expect(output).toEqual({ note: 'found beside the package', yaml: 'string', answer: 42, arrow: 'a → b true' })
  })

  it('is ASCII, which the runner reads as Latin-1, with every other character escaped', () => {
    const text = readFileSync(bundle, 'latin1')
    expect(text).toMatch(/^[ -~\t\n\r]*$/)
    expect(text).toContain('6 \\u00d7 7 \\u2264 42')
  })

  it('runs with the code cache a start saved, and without one V8 rejects', async () => {
    const expected = { note: 'found beside the package', yaml: 'string', answer: 42, arrow: 'a → b true' }
    expect(await runWithRunner({ useCache: false, saveCache: true })).toEqual({ output: expected, cacheTaken: false })
    expect(await runWithRunner()).toEqual({ output: expected, cacheTaken: true })
    // A damaged cache (or one from another Node) is rejected by V8, and the bundle compiles as usual.
    writeFileSync(`${bundle}.cache`, Buffer.from('not a code cache, though it sits where one would'))
    expect(await runWithRunner()).toEqual({ output: expected, cacheTaken: false })
  })

  it('builds on without a code cache when the training start fails, saying so', () => {
    const broken = join(root, 'broken.cjs')
    writeFileSync(broken, "throw new Error('this bundle cannot start')\n")
    expect(writeCodeCache(broken, join(root, 'no-such-installed-bundle.cjs'))).toMatch(/^not made: the training start failed \(exit 1\)\n[^]*this bundle cannot start/)
    expect(existsSync(`${broken}.cache`)).toBe(false)
  })

  it('trains in a bare environment: no V8 flags, none of the command\'s variables, no credentials', () => {
    const telling = join(root, 'telling.cjs')
    writeFileSync(telling, "throw new Error('environment: ' + Object.keys(process.env).sort().join(' '))\n")
    const saved = { ...process.env }
    Object.assign(process.env, { GITLAB_TOKEN: 'glpat-of-the-builder', NODE_OPTIONS: '--max-old-space-size=2000', PORT: '1', GITLAB_RUNNERS_MOCK_CONTROL_TOKEN: 'control' })
    try {
      const said = writeCodeCache(telling, join(root, 'no-such-installed-bundle.cjs'))
      expect(said).toMatch(/environment: .*PATH/)
      expect(said).not.toMatch(/GITLAB_TOKEN|NODE_OPTIONS|PORT|GITLAB_RUNNERS_MOCK_/)
    } finally {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name]
      Object.assign(process.env, saved)
    }
  })
})
