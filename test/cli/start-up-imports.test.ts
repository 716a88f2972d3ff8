// `serve` loads only what answering needs: Express with the first page, control or 404 request, faker
// (its English locale alone) with the first scenario that generates, yaml only for YAML without a
// current build-time JSON (a user's scenario), Prism never. Each case runs in a fresh process, since a
// module once loaded stays loaded.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const run = promisify(execFile)
const root = fileURLToPath(new URL('../..', import.meta.url))
const WATCHED = ['express', '@faker-js/faker', 'yaml', '@stoplight']

/** Starts the mock in a new process on `scenario`, sends `paths` in order, and lists the watched packages it loaded. */
async function packagesLoaded(scenario: string, paths: string[]): Promise<{ packages: string[]; files: string[] }> {
  const script = `
    import { createRequire } from 'node:module'
    import { startMock } from './src/index.ts'
    const mock = await startMock({ scenario: ${JSON.stringify(scenario)}, port: 0, log: () => {} })
    const origin = new URL(mock.url).origin
    for (const path of ${JSON.stringify(paths)}) {
      const response = await fetch(origin + path, { headers: { 'private-token': 'glpat-admin-0000000000000' } })
      await response.arrayBuffer()
    }
    await mock.close()
    const files = Object.keys(createRequire(import.meta.url).cache).filter((file) => file.includes('/node_modules/'))
    console.log(JSON.stringify(files.map((file) => file.slice(file.lastIndexOf('/node_modules/') + 14))))
  `
  const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root })
  const files = JSON.parse(stdout.trim().split('\n').at(-1)!) as string[]
  return { packages: WATCHED.filter((name) => files.some((file) => file.startsWith(`${name}/`))), files }
}

describe('what serve loads', () => {
  it('answers the GitLab API of the default scenario without Express, faker, yaml or Prism', async () => {
    const { packages } = await packagesLoaded('default', ['/api/v4/runners/all?per_page=5'])
    expect(packages).toEqual([])
  })

  it('loads Express with the first request outside the API', async () => {
    expect((await packagesLoaded('default', ['/__mock/health'])).packages).toEqual(['express'])
  })

  it("loads yaml for a scenario file of the user's own", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grm-imports-'))
    try {
      writeFileSync(join(dir, 'mine.yaml'), 'include: [default]\n')
      expect((await packagesLoaded(join(dir, 'mine.yaml'), ['/api/v4/runners/all'])).packages).toEqual(['yaml'])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it("loads faker's English locale, and no other, for a scenario that generates", async () => {
    const { packages, files } = await packagesLoaded('bench', ['/api/v4/runners/5'])
    expect(packages).toEqual(['@faker-js/faker'])
    const faker = files.filter((file) => file.startsWith('@faker-js/faker/'))
    expect(faker).toContain('@faker-js/faker/dist/locale/en.js')
    // The English entry's chunks (en-*, base-*), never the package index that loads every locale.
    expect(faker.filter((file) => !/^@faker-js\/faker\/dist\/(locale\/en|en-|base-)[^/]*\.js$/.test(file))).toEqual([])
  })
})
