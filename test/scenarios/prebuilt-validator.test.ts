// Reading a scenario uses the schema validator compiled at build time (src/generated/scenario-validator.ts,
// `npm run generate`). It must judge exactly as the schema compiled now would, errors included.
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { validateScenarioFile } from '../../src/generated/scenario-validator.js'

const schema = JSON.parse(readFileSync(new URL('../../scenarios/scenario.schema.json', import.meta.url), 'utf8')) as object
const compiledNow = new Ajv({ allErrors: true, strict: true }).compile(schema)

const documents: Record<string, unknown> = {
  'the default scenario': parse(readFileSync(new URL('../../scenarios/default.yaml', import.meta.url), 'utf8')),
  'the bench scenario': parse(readFileSync(new URL('../../scenarios/bench.yaml', import.meta.url), 'utf8')),
  'an unknown top-level key': { users: [], runnerz: [] },
  'wrong types in an entity': { users: [{ username: 7, admin: 'yes' }] },
  'a bad enum and a missing required key': { runners: [{ runner_type: 'galaxy_type' }], users: [{ state: 'asleep' }] },
  'generate out of range': { generate: { seed: -1, runners: 'many' } },
  'not a mapping': ['users'],
}

describe('the build-time scenario validator', () => {
  for (const [name, document] of Object.entries(documents)) {
    it(`judges ${name} as the schema compiled now does`, () => {
      const valid = validateScenarioFile(document)
      expect(valid).toBe(compiledNow(document))
      expect(validateScenarioFile.errors ?? null).toStrictEqual(compiledNow.errors ?? null)
    })
  }

  it('rejects the documents meant to be broken, with errors', () => {
    expect(validateScenarioFile({ users: [{ username: 7 }] })).toBe(false)
    expect(validateScenarioFile.errors?.length).toBeGreaterThan(0)
  })
})
