// The files `npm run build` makes ahead of time from the package's shipped YAML, made by the compiled
// code itself: the seeded worlds of the scenarios that generate (dist/worlds/), the contracts' version-fact
// catalogues (dist/facts/) and the contracts with their $refs inlined (dist/contracts/). A shipped file
// that is broken is simply not prebuilt (a line on stderr): the build goes on, and loading that file
// reports the problem with its line, as it did before anything was prebuilt.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/** Every prebuilt file of the package at `root` (its openapi/ and scenarios/), written into the compiled folder `compiled`. */
export async function prebuildAll(compiled, root) {
  await prebuildWorlds(compiled, root)
  await prebuildCatalogues(compiled, root)
  await prebuildDereferencedContracts(compiled, root)
}

/** Writes the world of each shipped scenario that generates into `<compiled>/worlds/`, made by the compiled code itself. */
export async function prebuildWorlds(compiled, root) {
  const { prebuildScenarioWorld } = await import(pathToFileURL(join(compiled, 'scenarios', 'load.js')).href)
  prebuildEach(root, 'scenarios', join(compiled, 'worlds'), '.world', prebuildScenarioWorld)
}

/** Writes the version-fact catalogue of each shipped contract into `<compiled>/facts/`, made by the compiled code itself. */
export async function prebuildCatalogues(compiled, root) {
  const { prebuildCatalogue } = await import(pathToFileURL(join(compiled, 'profile', 'prebuilt-catalogue.js')).href)
  prebuildEach(root, 'openapi', join(compiled, 'facts'), '.json', prebuildCatalogue)
}

/** Writes each shipped contract with its $refs inlined into `<compiled>/contracts/`, made by the compiled code itself. */
export async function prebuildDereferencedContracts(compiled, root) {
  const { loadContract } = await import(pathToFileURL(join(compiled, 'contract', 'load.js')).href)
  const { prebuiltYaml } = await import(pathToFileURL(join(compiled, 'prebuilt.js')).href)
  const { prebuildDereferenced } = await import(pathToFileURL(join(compiled, 'contract', 'prebuilt-dereference.js')).href)
  prebuildEach(root, 'openapi', join(compiled, 'contracts'), '.json', (file) => {
    const prebuilt = prebuiltYaml(file, readFileSync(file, 'utf8'))
    return prebuilt && prebuildDereferenced(prebuilt.sha256, loadContract(file, { checkSchemas: false }).dereferenced)
  })
}

/**
 * For each `*.yaml` file in `<root>/<folder>`, what `make(path)` prebuilds of it (`{ key, bytes }` or
 * `{ key, text }`, or nothing), written to `<out>/<key><extension>`.
 */
function prebuildEach(root, folder, out, extension, make) {
  for (const name of readdirSync(join(root, folder)).filter((file) => file.endsWith('.yaml'))) {
    const made = unlessBroken(`${folder}/${name}`, () => make(join(root, folder, name)))
    if (!made) continue
    mkdirSync(out, { recursive: true })
    writeFileSync(join(out, `${made.key}${extension}`), made.bytes ?? made.text)
  }
}

/** What `make` returns, or undefined when `file` is broken (said on stderr). */
function unlessBroken(file, make) {
  try {
    return make()
  } catch (error) {
    console.error(`${file} not prebuilt: ${String(error?.message ?? error).split('\n')[0]}`)
    return undefined
  }
}
