// The package as another project gets it: `npm pack`, then a fresh project installs the tarball with
// production dependencies only and uses it four ways (npx, serve, a plain .mjs, a strict TypeScript
// consumer). Offline: the consumer's lock file is this repository's lock less its dev-only entries,
// so npm installs from the cache `npm ci` filled and never asks the registry.
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const ROOT = new URL('../..', import.meta.url).pathname
const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string
  dependencies: Record<string, string>
  bin: Record<string, string>
  engines: Record<string, string>
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

interface Packed {
  filename: string
  size: number
  files: Array<{ path: string }>
}

let project: string
let packed: Packed
const children: ChildProcess[] = []

/** A lock file for a project depending on the tarball alone: our lock's production entries, unchanged. */
function consumerLock(tarball: string): unknown {
  const ours = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> }
  const production = Object.entries(ours.packages).filter(([path, entry]) => path !== '' && entry.dev !== true)
  return {
    name: 'consumer',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'consumer', dependencies: { 'gitlab-runners-mock': tarball } },
      'node_modules/gitlab-runners-mock': {
        version: manifest.version,
        resolved: tarball,
        dependencies: manifest.dependencies,
        bin: manifest.bin,
        engines: manifest.engines,
      },
      ...Object.fromEntries(production),
    },
  }
}

beforeAll(async () => {
  project = mkdtempSync(join(tmpdir(), 'grm-consumer-'))
  // `npm pack` runs `prepare`, which builds dist/ from the sources as they are now.
  const { stdout } = await run(npm, ['pack', '--json', '--pack-destination', project], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 })
  packed = (JSON.parse(stdout) as Packed[])[0]!
  const tarball = `file:${packed.filename}`
  // As the README tells consumers: swagger-ui-dist's @scarf/scarf would otherwise report the install.
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: { 'gitlab-runners-mock': tarball }, scarfSettings: { enabled: false } }))
  writeFileSync(join(project, 'package-lock.json'), JSON.stringify(consumerLock(tarball)))
  await run(npm, ['ci', '--offline', '--omit=dev', '--no-audit', '--no-fund'], { cwd: project })
}, 180_000)

afterAll(() => {
  for (const child of children) child.kill('SIGKILL')
  rmSync(project, { recursive: true, force: true })
})

describe('the packed package', () => {
  it('holds the compiled code, the contract, scenarios, fixtures and schemas, and no sources or tests', () => {
    const paths = packed.files.map((f) => f.path)
    for (const needed of ['dist/index.js', 'dist/index.d.ts', 'dist/cli.js', 'dist/bundle/cli.cjs', 'dist/bundle/cli.cjs.cache', 'bin/gitlab-runners-mock.js', 'bin/run-bundle.js', 'openapi/gitlab-runners.yaml', 'openapi/control.yaml', 'openapi/generated/gitlab-runners.json', 'openapi/generated/control.json', 'scenarios/generated/default.json', 'fixtures/generated/doc-runners.json', 'scenarios/default.yaml', 'scenarios/scenario.schema.json', 'fixtures/doc-runners.yaml']) {
      expect(paths).toContain(needed)
    }
    expect(paths.filter((p) => /^(src|test|bench|scripts)\//.test(p) || p.endsWith('.ts') && !p.endsWith('.d.ts'))).toEqual([])
    // Prism's adapter serves our tests only; its package is not a runtime dependency.
    expect(paths.filter((p) => p.includes('prism'))).toEqual([])
    console.log(`packed ${packed.filename}: ${packed.size} bytes, ${paths.length} files`)
  })

  it('installs without tsx, TypeScript or any type package', () => {
    const installed = join(project, 'node_modules')
    for (const devOnly of ['tsx', 'typescript', '@types/express', '@types/node', 'vitest']) expect(existsSync(join(installed, devOnly))).toBe(false)
    expect(existsSync(join(installed, 'gitlab-runners-mock', 'src'))).toBe(false)
  })
})

describe('a consumer project', () => {
  it('runs `npx gitlab-runners-mock --version`', async () => {
    const { stdout } = await run(npm, ['exec', '--offline', '--', 'gitlab-runners-mock', '--version'], { cwd: project })
    expect(stdout.trim()).toBe(manifest.version)
  })

  it('runs `npx gitlab-runners-mock serve --port 0`, which answers a request', async () => {
    const child = spawn(join(project, 'node_modules', '.bin', 'gitlab-runners-mock'), ['serve', '--port', '0'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] })
    children.push(child)
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const curl = await new Promise<RegExpMatchArray>((resolve, reject) => {
      child.stdout.on('data', () => {
        const match = /curl -H "PRIVATE-TOKEN: (\S+)" "(\S+)"/.exec(output)
        if (match) resolve(match)
      })
      child.on('exit', (code) => reject(new Error(`serve exited with ${code}:\n${output}`)))
    })
    const response = await fetch(curl[2]!, { headers: { 'PRIVATE-TOKEN': curl[1]! } })
    expect(response.status).toBe(200)
    expect(Array.isArray(await response.json())).toBe(true)
    // The dashboard and the reference come from the installed package, not from a CDN or a checkout.
    const origin = new URL(curl[2]!).origin
    for (const asset of ['/__mock/', '/__mock/ui/main.js', '/api/v4/docs/', '/api/v4/docs/swagger/swagger-ui-bundle.js']) {
      expect([asset, (await fetch(`${origin}${asset}`)).status]).toEqual([asset, 200])
    }
  })

  it('serves the bench scenario from the world the build generated, without loading faker, zlib or perf_hooks', async () => {
    // The command as installed, started in-process so its loaded modules can be listed once it is ready.
    writeFileSync(
      join(project, 'serve-bench.mjs'),
      `import { get } from 'node:http'
import { createRequire } from 'node:module'
const loaded = createRequire(import.meta.url).cache
process.argv.push('serve', '--scenario', 'bench', '--port', '0', '--log', 'off')
const write = process.stdout.write.bind(process.stdout)
process.stdout.write = (text) => {
  const url = /curl -H "PRIVATE-TOKEN: (\\S+)" "(\\S+)"/.exec(String(text))
  if (url === null) return true
  // Started, before any request: zlib serves the reference page only.
  const zlib = process.moduleLoadList.includes('NativeModule zlib')
  get(url[2], { headers: { 'PRIVATE-TOKEN': url[1] } }, (response) => {
    let body = ''
    response.setEncoding('utf8').on('data', (chunk) => (body += chunk)).on('end', () => {
      const faker = Object.keys(loaded).filter((file) => file.includes('@faker-js'))
      // The first answer, request log and journal included: the global \`performance\` would load perf_hooks.
      const perfHooks = process.moduleLoadList.includes('NativeModule perf_hooks')
      write(JSON.stringify({ status: response.statusCode, runners: JSON.parse(body).length, faker, zlib, perfHooks }) + '\\n')
      process.exit(0)
    })
  })
  return true
}
await import('./node_modules/gitlab-runners-mock/bin/gitlab-runners-mock.js')
`,
    )
    const { stdout } = await run(process.execPath, ['serve-bench.mjs'], { cwd: project })
    expect(JSON.parse(stdout)).toEqual({ status: 200, runners: 5, faker: [], zlib: false, perfHooks: false })
  })

  it('finds the shipped contract the build inlined, so a start does not inline it', async () => {
    writeFileSync(
      join(project, 'inlined.mjs'),
      `import { readFileSync } from 'node:fs'
const dist = new URL('./node_modules/gitlab-runners-mock/dist/', import.meta.url)
const { prebuiltYaml } = await import(new URL('prebuilt.js', dist))
const { prebuiltDereferenced } = await import(new URL('contract/prebuilt-dereference.js', dist))
const file = new URL('../openapi/gitlab-runners.yaml', dist).pathname
const inlined = prebuiltDereferenced(prebuiltYaml(file, readFileSync(file, 'utf8')).sha256)
console.log(JSON.stringify(Object.keys(inlined?.paths ?? {}).length))
`,
    )
    const { stdout } = await run(process.execPath, ['inlined.mjs'], { cwd: project })
    expect(Number(stdout)).toBeGreaterThan(10)
  })

  it("has the code cache the build made, which this Node takes", async () => {
    writeFileSync(
      join(project, 'cache-taken.mjs'),
      `import { readFileSync } from 'node:fs'
import { codeCacheFile, compileBundle } from './node_modules/gitlab-runners-mock/bin/run-bundle.js'
const bundle = new URL('./node_modules/gitlab-runners-mock/dist/bundle/cli.cjs', import.meta.url).pathname
console.log(compileBundle(bundle, readFileSync(codeCacheFile(bundle))).cachedDataRejected)
`,
    )
    const { stdout } = await run(process.execPath, ['cache-taken.mjs'], { cwd: project })
    expect(stdout.trim()).toBe('false')
  })

  it('starts the command as CommonJS, without running an ES module (Node starts those later)', async () => {
    writeFileSync(join(project, 'modules-at-exit.cjs'), `process.on('exit', () => process.stderr.write(JSON.stringify(process.moduleLoadList)))\n`)
    const command = join(project, 'node_modules', 'gitlab-runners-mock', 'bin', 'gitlab-runners-mock.js')
    const { stdout, stderr } = await run(process.execPath, ['--require', './modules-at-exit.cjs', command, '--version'], { cwd: project })
    expect(stdout.trim()).toBe(manifest.version)
    expect((JSON.parse(stderr) as string[]).filter((module) => module.includes('esm/module_job'))).toEqual([])
  })

  it('imports startMock from a plain .mjs', async () => {
    writeFileSync(
      join(project, 'plain.mjs'),
      `import { startMock } from 'gitlab-runners-mock'
const mock = await startMock()
const response = await fetch(mock.url + '/runners/all', { headers: { 'PRIVATE-TOKEN': 'no-such-token' } })
console.log(response.status, mock.world.toData().runners.length > 0)
await mock.close()
`,
    )
    const { stdout } = await run(process.execPath, ['plain.mjs'], { cwd: project })
    expect(stdout.trim()).toBe('401 true')
  })

  it('answers the first details, list, jobs page, 401 and 404 with validators the build compiled, without loading ajv itself', async () => {
    // ajv is loaded on first use (src/lazy-packages.ts); its runtime helpers, which the
    // build-time validators call, are small modules of their own. A list's and a jobs page's
    // pagination headers and a 401's or 404's body are checked by the self-check.
    writeFileSync(
      join(project, 'no-ajv.mjs'),
      `import { createRequire } from 'node:module'
import { startMock } from 'gitlab-runners-mock'
const mock = await startMock({ scenario: 'bench' })
const statuses = []
for (const [path, token] of [['/runners/5', 'glpat-admin-0000000000000'], ['/runners/all?per_page=20', 'glpat-admin-0000000000000'],
  ['/runners/5/jobs', 'glpat-admin-0000000000000'], ['/runners/5', 'glpat-nobody'], ['/runners/999999', 'glpat-admin-0000000000000']]) {
  statuses.push((await fetch(mock.url + path, { headers: { 'PRIVATE-TOKEN': token } })).status)
}
const loaded = Object.keys(createRequire(import.meta.url).cache).filter((file) => /[\\\\/]ajv[\\\\/]dist[\\\\/](core|2020|ajv)\\.js$/.test(file))
console.log(statuses.join(' '), JSON.stringify(loaded), mock.selfCheckFailures.length)
await mock.close()
`,
    )
    const { stdout } = await run(process.execPath, ['no-ajv.mjs'], { cwd: project })
    expect(stdout.trim()).toBe('200 200 200 401 404 [] 0')
  })

  it('type-checks a strict TypeScript consumer (exactOptionalPropertyTypes, skipLibCheck false)', async () => {
    // A TypeScript project has its own compiler and @types/node; ours stand in for them.
    mkdirSync(join(project, 'node_modules', '@types'), { recursive: true })
    symlinkSync(join(ROOT, 'node_modules', '@types', 'node'), join(project, 'node_modules', '@types', 'node'), 'dir')
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true, skipLibCheck: false, noEmit: true, types: ['node'],
        },
        files: ['consumer.ts'],
      }),
    )
    writeFileSync(
      join(project, 'consumer.ts'),
      `import { ManualClock, startMock, type ControlApi, type FaultSpec, type GitLabRunnersComponents, type JournalEntry, type RunningMock, type StartMockOptions, type WorldData } from 'gitlab-runners-mock'

// A parameter with a default stays optional in a request body.
const body: GitLabRunnersComponents['schemas']['CreateUserRunnerRequest'] = { runner_type: 'instance_type' }
type Health = ControlApi['/health']['get']['responses'][200]['content']['application/json']

const options: StartMockOptions = { port: 0, cors: ['http://localhost:3000'], clock: new ManualClock(Date.parse('2026-01-01T00:00:00Z')) }
const mock: RunningMock = await startMock(options)
const spec: FaultSpec = { operationId: 'getRunner', status: 500 }
const session = mock.session('consumer test')
session.fault(spec)
session.clock.advance('2h')
const entries: JournalEntry[] = mock.journal({ limit: 5 })
const state: WorldData = mock.exportState()
const health = (await (await fetch(\`\${mock.origin}/__mock/health\`)).json()) as Health
console.log(entries.length, state.runners.length, session.headers['X-Mock-Session'], body.runner_type, health.status)
await mock.close()
`,
    )
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc')
    const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project }).catch((error: { stdout: string }) => error)
    expect(result.stdout).toBe('')
  })
})
