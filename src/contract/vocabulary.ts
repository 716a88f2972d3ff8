// The schema vocabulary of our contract: JSON Schema 2020-12 in ajv's strict mode, plus the
// annotation keywords OpenAPI and our x-gitlab-* facts add. Anything else is a typo and fails loudly.
import type { Ajv2020 } from 'ajv/dist/2020.js'
import { ajv2020Package, ajvFormatsPackage } from '../lazy-packages.js'

/** A release fact: "MAJOR.MINOR", or a window `{from, to}` when the minor is not known. */
const release = { type: 'string', pattern: '^[0-9]+\\.[0-9]+$' }
const moment = { oneOf: [release, { type: 'object', additionalProperties: false, required: ['from', 'to'], properties: { from: release, to: release } }] }

/** Each x-gitlab keyword with the shape its value must have: a typo in a version fact fails the compile. */
export const gitlabVocabulary = [
  { keyword: 'x-gitlab-introduced', metaSchema: moment },
  { keyword: 'x-gitlab-deprecated', metaSchema: moment },
  { keyword: 'x-gitlab-removed', metaSchema: moment },
  {
    keyword: 'x-gitlab-changes',
    metaSchema: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['version', 'description'],
        properties: { version: moment, description: { type: 'string' }, before: { type: 'string' }, after: { type: 'string' }, beforeSchema: { type: 'object' } },
      },
    },
  },
  {
    keyword: 'x-gitlab-removed-properties',
    metaSchema: { type: 'object', minProperties: 1, additionalProperties: { type: 'object', required: ['x-gitlab-removed'], properties: { 'x-gitlab-removed': moment } } },
  },
  {
    keyword: 'x-gitlab-values',
    metaSchema: {
      type: 'object',
      minProperties: 1,
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        minProperties: 1,
        properties: { introduced: moment, deprecated: moment, removed: moment, description: { type: 'string' } },
      },
    },
  },
  {
    // One group of names, or a list of groups.
    keyword: 'x-gitlab-mutually-exclusive',
    metaSchema: { oneOf: [{ type: 'array', minItems: 2, items: { type: 'string' } }, { type: 'array', items: { type: 'array', minItems: 2, items: { type: 'string' } } }] },
  },
  { keyword: 'x-gitlab-at-least-one-of', metaSchema: { type: 'array', minItems: 2, items: { type: 'string' } } },
] as const

/** Keywords a contract schema may carry beyond JSON Schema 2020-12. They annotate; they never validate. */
export const contractKeywords = [
  'x-gitlab-introduced',
  'x-gitlab-deprecated',
  'x-gitlab-removed',
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

/**
 * `checkSchemas: false` trusts the schemas (the contract the mock ships, held to the check by the
 * test suite): no meta-schema is compiled, which is most of what making an ajv costs at start-up.
 */
export function createAjv({ checkSchemas = true, standalone = false }: { checkSchemas?: boolean; standalone?: boolean } = {}): Ajv2020 {
  const ajv = new (ajv2020Package().Ajv2020)({
    // Keeps each validator's source, for build-time code (scripts/generate-validators.js).
    ...(standalone ? { code: { source: true, esm: true } } : {}),
    validateSchema: checkSchemas,
    // Without the check no schema is held to a meta-schema, so none is added (half of making an ajv).
    meta: checkSchemas,
    strict: true,
    // `type: [integer, string]` is how OpenAPI 3.1 spells a project id; strictTypes forbids it otherwise.
    allowUnionTypes: true,
    // `if/then: {required: [group_id]}` is how a Grape `given` block reads; the property is declared beside it.
    strictRequired: false,
    allErrors: true,
    // Violations need the failing value and the schema around it (x-gitlab facts).
    verbose: true,
  })
  ajvFormatsPackage().default(ajv)
  rememberDateTimes(ajv)
  const shaped = new Map<string, object>(gitlabVocabulary.map(({ keyword, metaSchema }) => [keyword, metaSchema]))
  for (const keyword of contractKeywords) {
    // examples and deprecated are already 2020-12 annotations.
    if (keyword === 'examples' || keyword === 'deprecated') continue
    const metaSchema = shaped.get(keyword)
    ajv.addKeyword(metaSchema === undefined || !checkSchemas ? { keyword } : { keyword, metaSchema })
  }
  return ajv
}

/**
 * `date-time` is a third of validating a typical GitLab body, and the same few timestamps come back
 * in every page (a runner's created_at, a job's pipeline): remember ajv-formats' answer per text.
 */
function rememberDateTimes(ajv: Ajv2020): void {
  const format = ajv.formats['date-time']
  if (format === undefined || typeof format !== 'object' || !('validate' in format) || typeof format.validate !== 'function') return
  const validate = format.validate as (text: string) => boolean
  const answers = new Map<string, boolean>()
  const remembered = (text: string): boolean => {
    let answer = answers.get(text)
    if (answer === undefined) {
      // A bounded memo: a long drift run sees unbounded distinct times.
      if (answers.size >= 10_000) answers.clear()
      answer = validate(text)
      answers.set(text, answer)
    }
    return answer
  }
  ajv.addFormat('date-time', { ...format, validate: remembered } as typeof format)
}
