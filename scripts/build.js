// `npm run build`: compiles src/ into dist/, generates the seeded worlds of the shipped scenarios into
// dist/worlds/ (src/scenarios/prebuilt-world.ts) and the contracts' version-fact catalogues into
// dist/facts/ (src/profile/prebuilt-catalogue.ts) and the contracts with their $refs inlined into
// dist/contracts/ (src/contract/prebuilt-dereference.ts), bundles the command into dist/bundle/
// (scripts/bundle.js) with its V8 code cache (scripts/code-cache.js), and stamps dist/ with the
// fingerprint of the sources it came from (scripts/build-stamp.cjs), so the command runs dist/ only
// while it is current.
// With --if-stale it does nothing when dist/ is already current (the benchmark measures dist/).
//
// tsc writes into a scratch folder (in the package, so the compiled code finds scenarios/ and the
// rest where it will from dist/), and dist/ is then brought in line file by file: only changed
// files are written, files no longer produced are removed, and the stamp is taken down first and put
// back last. `npm pack` (in the test suite) rebuilds dist/ while other tests run the command: with
// the same sources nothing in dist/ changes at all, and while anything does, the missing stamp sends
// the command to the sources instead of a half-written dist/.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { builtFromCurrentSources, sourceFingerprint, STAMP_FILE } from './build-stamp.cjs'
import { bundleCommand, bundleFile } from './bundle.js'
import { writeCodeCache } from './code-cache.js'

const root = fileURLToPath(new URL('..', import.meta.url))

if (process.argv.includes('--if-stale') && builtFromCurrentSources(root)) process.exit(0)

const fingerprint = sourceFingerprint(root)
const scratch = mkdtempSync(join(root, '.build-'))
try {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  const compiled = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', scratch], { cwd: root, stdio: 'inherit' })
  if (compiled.status !== 0) process.exit(compiled.status ?? 1)
  await prebuildWorlds(scratch)
  await prebuildCatalogues(scratch)
  await prebuildDereferencedContracts(scratch)
  await bundleCommand(scratch, root)
  const cache = writeCodeCache(bundleFile(scratch), bundleFile(join(root, 'dist')))
  if (cache.startsWith('not made')) console.error(`dist/bundle's code cache ${cache}`)
  const changed = mirror(scratch, join(root, 'dist'))
  const stamp = `${JSON.stringify({ generated: 'by npm run build: the sources dist/ was compiled from', fingerprint })}\n`
  if (!sameText(join(root, STAMP_FILE), stamp)) writeFileSync(join(root, STAMP_FILE), stamp)
  // stderr: `npm pack --json` runs the build and reads its stdout as JSON
  console.error(`dist/ built (${changed} file${changed === 1 ? '' : 's'} changed)`)
} finally {
  rmSync(scratch, { recursive: true, force: true })
}

/** Writes the world of each shipped scenario that generates into `<compiled>/worlds/`, made by the compiled code itself. */
async function prebuildWorlds(compiled) {
  const { prebuildScenarioWorld } = await import(pathToFileURL(join(compiled, 'scenarios', 'load.js')).href)
  for (const name of readdirSync(join(root, 'scenarios')).filter((file) => file.endsWith('.yaml'))) {
    const world = unlessBroken(`scenarios/${name}`, () => prebuildScenarioWorld(name.slice(0, -'.yaml'.length)))
    if (world === undefined) continue
    mkdirSync(join(compiled, 'worlds'), { recursive: true })
    writeFileSync(join(compiled, 'worlds', `${world.key}.world`), world.bytes)
  }
}

/** Writes the version-fact catalogue of each shipped contract into `<compiled>/facts/`, made by the compiled code itself. */
async function prebuildCatalogues(compiled) {
  const { prebuildCatalogue } = await import(pathToFileURL(join(compiled, 'profile', 'prebuilt-catalogue.js')).href)
  for (const name of readdirSync(join(root, 'openapi')).filter((file) => file.endsWith('.yaml'))) {
    const facts = unlessBroken(`openapi/${name}`, () => prebuildCatalogue(join(root, 'openapi', name)))
    if (facts === undefined) continue
    mkdirSync(join(compiled, 'facts'), { recursive: true })
    writeFileSync(join(compiled, 'facts', `${facts.key}.json`), facts.text)
  }
}

/** Writes each shipped contract with its $refs inlined into `<compiled>/contracts/`, made by the compiled code itself. */
async function prebuildDereferencedContracts(compiled) {
  const { loadContract } = await import(pathToFileURL(join(compiled, 'contract', 'load.js')).href)
  const { prebuiltYaml } = await import(pathToFileURL(join(compiled, 'prebuilt.js')).href)
  const { prebuildDereferenced } = await import(pathToFileURL(join(compiled, 'contract', 'prebuilt-dereference.js')).href)
  for (const name of readdirSync(join(root, 'openapi')).filter((file) => file.endsWith('.yaml'))) {
    const file = join(root, 'openapi', name)
    const inlined = unlessBroken(`openapi/${name}`, () => {
      const prebuilt = prebuiltYaml(file, readFileSync(file, 'utf8'))
      return prebuilt && prebuildDereferenced(prebuilt.sha256, loadContract(file, { checkSchemas: false }).dereferenced)
    })
    if (inlined === undefined) continue
    mkdirSync(join(compiled, 'contracts'), { recursive: true })
    writeFileSync(join(compiled, 'contracts', `${inlined.key}.json`), inlined.text)
  }
}

/**
 * What `make` returns, or undefined when `file` is broken: the build goes on without that prebuilt
 * file, and loading the file reports the problem with its line, as it did before anything was prebuilt.
 */
function unlessBroken(file, make) {
  try {
    return make()
  } catch (error) {
    console.error(`${file} not prebuilt: ${String(error?.message ?? error).split('\n')[0]}`)
    return undefined
  }
}

/** Makes `target` hold exactly the files of `from`, writing only what differs; returns how many changed. */
function mirror(from, target) {
  const wanted = new Set(listFiles(from))
  const present = listFiles(target)
  const stale = present.filter((file) => file !== STAMP_FILE.slice('dist/'.length) && !wanted.has(file))
  const differing = [...wanted].filter((file) => !sameContent(join(from, file), join(target, file)))
  if (stale.length + differing.length === 0) return 0
  rmSync(join(root, STAMP_FILE), { force: true })
  for (const file of stale) rmSync(join(target, file))
  for (const file of differing) {
    // Renamed into place: a command starting meanwhile reads the old file or the new one, never half
    // of one (the stamp is down, but the bin reads the stamp before the bundle and its cache).
    mkdirSync(dirname(join(target, file)), { recursive: true })
    writeFileSync(join(target, `${file}.partial`), readFileSync(join(from, file)))
    renameSync(join(target, `${file}.partial`), join(target, file))
  }
  return stale.length + differing.length
}

function listFiles(dir) {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
  } catch {
    return []
  }
}

function sameText(file, text) {
  try {
    return readFileSync(file, 'utf8') === text
  } catch {
    return false
  }
}

function sameContent(a, b) {
  try {
    return readFileSync(a).equals(readFileSync(b))
  } catch {
    return false
  }
}
