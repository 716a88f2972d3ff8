// The schema vocabulary of our contract: JSON Schema 2020-12 in ajv's strict mode, plus the
// annotation keywords OpenAPI and our x-gitlab-* facts add. Anything else is a typo and fails loudly.
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'

/** Keywords a contract schema may carry beyond JSON Schema 2020-12. They annotate; they never validate. */
export const contractKeywords = [
  'x-gitlab-introduced',
  'x-gitlab-deprecated',
  'x-gitlab-removed',
  'x-gitlab-unconfirmed',
  'x-gitlab-changes',
  'x-gitlab-removed-properties',
  'x-gitlab-values',
  'x-gitlab-mutually-exclusive',
  'x-gitlab-at-least-one-of',
  'example',
  'examples',
  'deprecated',
  'xml',
  'externalDocs',
  'discriminator',
] as const

export function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    // `type: [integer, string]` is how OpenAPI 3.1 spells a project id; strictTypes forbids it otherwise.
    allowUnionTypes: true,
    // `if/then: {required: [group_id]}` is how a Grape `given` block reads; the property is declared beside it.
    strictRequired: false,
    allErrors: true,
    // Violations need the failing value and the schema around it (x-gitlab facts).
    verbose: true,
  })
  addFormats.default(ajv)
  for (const keyword of contractKeywords) {
    // examples and deprecated are already 2020-12 annotations.
    if (keyword === 'examples' || keyword === 'deprecated') continue
    ajv.addKeyword({ keyword })
  }
  return ajv
}
