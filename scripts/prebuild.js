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
  for (const name of readdirSync(join(root, 'scenarios')).filter((file) => file.endsWith('.yaml'))) {
    const world = unlessBroken(`scenarios/${name}`, () => prebuildScenarioWorld(join(root, 'scenarios', name)))
    if (world === undefined) continue
    mkdirSync(join(compiled, 'worlds'), { recursive: true })
    writeFileSync(join(compiled, 'worlds', `${world.key}.world`), world.bytes)
  }
}

/** Writes the version-fact catalogue of each shipped contract into `<compiled>/facts/`, made by the compiled code itself. */
export async function prebuildCatalogues(compiled, root) {
  const { prebuildCatalogue } = await import(pathToFileURL(join(compiled, 'profile', 'prebuilt-catalogue.js')).href)
  for (const name of readdirSync(join(root, 'openapi')).filter((file) => file.endsWith('.yaml'))) {
    const facts = unlessBroken(`openapi/${name}`, () => prebuildCatalogue(join(root, 'openapi', name)))
    if (facts === undefined) continue
    mkdirSync(join(compiled, 'facts'), { recursive: true })
    writeFileSync(join(compiled, 'facts', `${facts.key}.json`), facts.text)
  }
}

/** Writes each shipped contract with its $refs inlined into `<compiled>/contracts/`, made by the compiled code itself. */
export async function prebuildDereferencedContracts(compiled, root) {
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

/** What `make` returns, or undefined when `file` is broken (said on stderr). */
function unlessBroken(file, make) {
  try {
    return make()
  } catch (error) {
    console.error(`${file} not prebuilt: ${String(error?.message ?? error).split('\n')[0]}`)
    return undefined
  }
}
