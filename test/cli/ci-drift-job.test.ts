// The CI job installs runtime dependencies only, so the drift commands must need nothing else.
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../..', import.meta.url))
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }

/** Every package the module and its relative imports load, followed statically (type-only imports left out). */
function packagesLoadedBy(entry: string): Set<string> {
  const packages = new Set<string>()
  const seen = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const source = readFileSync(file, 'utf8')
    // Static imports, dynamic imports and require()s (ajv is required on first use: src/lazy-packages.ts).
    for (const match of source.matchAll(/^(?:import|export)(?! type )[^'"]*?from '([^']+)'|import\('([^']+)'\)|\brequire(?:FromHere)?\('([^']+)'\)/gm)) {
      const specifier = match[1] ?? match[2] ?? match[3]
      if (specifier === undefined) continue
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')))
      else if (!specifier.startsWith('node:')) packages.add(specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!)
    }
  }
  visit(entry)
  return packages
}

describe('docs/ci-drift-job.yml', () => {
  const job = (parse(readFileSync(join(root, 'docs/ci-drift-job.yml'), 'utf8')) as Record<string, { script: string[] }>)['runners-api-drift']!

  it('installs production dependencies only', () => {
    expect(job.script.filter((line) => /npm (ci|install|i) /.test(line))).toEqual([expect.stringMatching(/^npm install .*--omit=dev/)])
  })

  it('runs verify with reports, a coverage floor and the release to judge against', () => {
    const verify = job.script.find((line) => line.includes(' verify'))
    expect(verify).toMatch(/--min-operations \d+/)
    expect(verify).toContain('--gitlab-version "$STAGING_GITLAB_VERSION"')
    expect(verify).toContain('--report junit:drift-report.xml')
  })

  it('needs nothing the production install leaves out: verify, validate and proxy load runtime dependencies only', () => {
    for (const command of ['verify', 'validate', 'proxy']) {
      const loaded = packagesLoadedBy(join(root, `src/cli/${command}.ts`))
      expect(loaded).toContain('ajv')
      expect([...loaded].filter((name) => !(name in pkg.dependencies))).toEqual([])
    }
  })
})
