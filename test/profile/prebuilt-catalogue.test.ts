// The shipped contract's catalogue of version facts made at build time (src/profile/prebuilt-catalogue.ts)
// is the catalogue the code makes, and a profile built on it answers every fact as one built from scratch.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { catalogue, type CatalogueEntry } from '../../src/profile/catalogue.js'
import { CATALOGUE_MODULES, prebuildCatalogue } from '../../src/profile/prebuilt-catalogue.js'
import { adoptCatalogue, profileFor } from '../../src/profile/profile.js'
import { allReleases } from '../../src/profile/release.js'
import { modulesImportedFrom } from '../helpers/module-imports.js'

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
    // catalogue.ts and all it imports for code must be in CATALOGUE_MODULES.
    const modules = modulesImportedFrom('profile', ['./catalogue'])
    expect(modules.size).toBeGreaterThan(5)
    for (const module of modules) expect(CATALOGUE_MODULES).toContain(module)
  })
})
