// The shipped contract's catalogue of version facts made at build time (src/profile/prebuilt-catalogue.ts)
// is the catalogue the code makes, and a profile built on it answers every fact as one built from scratch.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { catalogue, type CatalogueEntry } from '../../src/profile/catalogue.js'
import { CATALOGUE_MODULES, prebuildCatalogue } from '../../src/profile/prebuilt-catalogue.js'
import { adoptCatalogue, profileFor } from '../../src/profile/profile.js'
import { allReleases } from '../../src/profile/release.js'

const contractFile = fileURLToPath(new URL('../../openapi/gitlab-runners.yaml', import.meta.url))
const source = () => JSON.parse(readFileSync(new URL('../../openapi/generated/gitlab-runners.json', import.meta.url), 'utf8')).data as Record<string, unknown>

describe('the prebuilt catalogue of version facts', () => {
  const made = prebuildCatalogue(contractFile)!
  const entries = (JSON.parse(made.text) as { entries: CatalogueEntry[] }).entries

  it('holds the catalogue of the shipped contract, entry for entry', () => {
    expect(entries).toStrictEqual([...catalogue(source()).values()])
  })

  it('gives profiles that answer every fact, behaviour and window as profiles made without it', () => {
    const adopted = source()
    adoptCatalogue(adopted, new Map(entries.map((entry) => [entry.id, entry])))
    const fresh = source()
    for (const release of allReleases().filter((_, index) => index % 15 === 0)) {
      const mine = profileFor(adopted, release)
      const theirs = profileFor(fresh, release)
      for (const { id } of entries) expect([id, mine.fact(id)]).toEqual([id, theirs.fact(id)])
      expect(mine.windowFacts()).toEqual(theirs.windowFacts())
      expect(mine.behaviour('onlineWindow')).toEqual(theirs.behaviour('onlineWindow'))
      expect(mine.document).toEqual(theirs.document)
    }
  })

  it('is made only for a contract with version facts', () => {
    expect(prebuildCatalogue(fileURLToPath(new URL('../../openapi/control.yaml', import.meta.url)))).toBeUndefined()
  })

  it('hashes every module a catalogue is made by', () => {
    // catalogue.ts and everything it imports for code, transitively, must be in CATALOGUE_MODULES.
    const seen = new Set<string>()
    const visit = (module: string): void => {
      if (seen.has(module)) return
      seen.add(module)
      const source = readFileSync(new URL(`../../src/profile/${module}.ts`, import.meta.url), 'utf8')
      for (const [, imported] of source.matchAll(/^import (?!type )[^;']*?from '(\.[^']+)\.js'/gm)) {
        visit(new URL(`${imported}`, `file:///src/profile/${module}`).pathname.replace(/^\/src\/profile\//, './').replace(/^\/src\//, '../'))
      }
    }
    visit('./catalogue')
    for (const module of seen) expect(CATALOGUE_MODULES).toContain(module)
  })
})
