// `npm run build`: compiles src/ into dist/, generates the seeded worlds of the shipped scenarios into
// dist/worlds/ (src/scenarios/prebuilt-world.ts) and the contracts' version-fact catalogues into
// dist/facts/ (src/profile/prebuilt-catalogue.ts) and the contracts with their $refs inlined into
// dist/contracts/ (src/contract/prebuilt-dereference.ts), all three by scripts/prebuild.js, bundles the command into dist/bundle/
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
import { fileURLToPath } from 'node:url'
import { builtFromCurrentSources, sourceFingerprint, STAMP_FILE } from './build-stamp.cjs'
import { bundleCommand, bundleFile } from './bundle.js'
import { writeCodeCache } from './code-cache.js'
import { prebuildAll } from './prebuild.js'

const root = fileURLToPath(new URL('..', import.meta.url))

if (process.argv.includes('--if-stale') && builtFromCurrentSources(root)) process.exit(0)

const fingerprint = sourceFingerprint(root)
const scratch = mkdtempSync(join(root, '.build-'))
try {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  const compiled = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', scratch], { cwd: root, stdio: 'inherit' })
  if (compiled.status !== 0) process.exit(compiled.status ?? 1)
  await prebuildAll(scratch, root)
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
