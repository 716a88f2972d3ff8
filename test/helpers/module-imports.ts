// The modules of ours a module imports for code (not types), transitively: what a build artefact's
// key must hash (src/profile/prebuilt-catalogue.ts, src/contract/prebuilt-dereference.ts), or a
// change to one of them would leave a stale artefact in use.
import { readFileSync } from 'node:fs'

/**
 * Every module reached from `starts`, the starts included. Paths are written as the artefacts' module
 * lists write them: relative to src/<folder>/ and without extension (`./pointer`, `../profile/facts`).
 */
export function modulesImportedFrom(folder: string, starts: readonly string[]): Set<string> {
  const own = `/src/${folder}/`
  const seen = new Set<string>()
  const visit = (module: string): void => {
    if (seen.has(module)) return
    seen.add(module)
    const text = readFileSync(new URL(`../../src/${folder}/${module}.ts`, import.meta.url), 'utf8')
    for (const [, imported] of text.matchAll(/^import (?!type )[^;']*?from '(\.[^']+)\.js'/gm)) {
      const path = new URL(imported!, `file://${own}${module}`).pathname
      visit(path.startsWith(own) ? `./${path.slice(own.length)}` : `..${path.slice('/src'.length)}`)
    }
  }
  for (const start of starts) visit(start)
  return seen
}
