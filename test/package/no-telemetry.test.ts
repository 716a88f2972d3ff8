// swagger-ui-dist depends on @scarf/scarf, whose postinstall reports every install to scarf.sh unless
// the installing project's root package.json says `scarfSettings.enabled: false`. Installing this
// repository (npm ci in CI, on a laptop) must send nothing anywhere.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scarfSettings?: { enabled?: boolean } }

describe('installing the repository', () => {
  it('turns off the install analytics of @scarf/scarf (pulled in by swagger-ui-dist)', () => {
    expect(manifest.scarfSettings?.enabled).toBe(false)
  })
})
