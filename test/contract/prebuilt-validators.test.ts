// The validators compiled at build time (src/generated/validators.ts) stand in for ajv's own compile
// of the same schema text: they must be found for every request, response header and error body of
// the shipped contract's newest release, and answer every input exactly as ajv's compile would,
// errors included (the Grape messages and the self-check's findings are made from them).
import { describe, expect, it } from 'vitest'
import { loadContract } from '../../src/contract/index.js'
import { requestSchemas } from '../../src/contract/request.js'
import { createAjv } from '../../src/contract/vocabulary.js'
import { responseSchemasBuiltAhead } from '../../src/contract/response.js'
import { prebuiltValidators } from '../../src/generated/validators.js'

const contract = loadContract()
const ajv = createAjv({ checkSchemas: false })
const schemas = [...contract.operations.values()].flatMap((operation) => {
  const { parameters, body } = requestSchemas(operation)
  return [
    { name: `${operation.operationId} parameters`, schema: parameters },
    ...(body === undefined ? [] : [{ name: `${operation.operationId} body`, schema: body as Record<string, unknown> }]),
    ...responseSchemasBuiltAhead(operation).map((schema, index) => ({ name: `${operation.operationId} response schema ${index}`, schema: schema as Record<string, unknown> })),
  ]
})

/** Inputs that pass and fail each property in the ways a client gets wrong: wrong types, nulls, unknown values. */
function inputsFor(schema: Record<string, unknown>): unknown[] {
  const properties = Object.keys((schema['properties'] as Record<string, unknown> | undefined) ?? {})
  const wrong = ['text', 'zzz-not-an-enum-value', 0, -1, 2.5, 2 ** 53 + 2, true, null, [], ['a', 1], {}, { nested: 'x' }, '', '2026-13-45T99:00:00Z', '2026-01-02T03:04:05Z']
  // Headers are strings: a page number, an empty X-Next-Page, a Link, junk.
  // Error bodies: GitLab's message and error shapes, right and wrong.
  const inputs: unknown[] = [{}, null, 'not an object', [], '', '2', '20', '-1', '1.5', '<https://x>; rel="next"', 12,
    { message: '401 Unauthorized' }, { message: 401 }, { message: 'x', extra: true }, { error: 'per_page does not have a valid value' },
    { error: 'invalid_token', error_description: 'Token is expired.' }, { error: 'insufficient_scope', error_description: 'd', scope: 'api' }, { error: 'other', error_description: 'd' }]
  for (const value of wrong) inputs.push(Object.fromEntries(properties.map((name) => [name, value])))
  for (const name of properties) for (const value of wrong) inputs.push({ [name]: value })
  return inputs
}

describe('the build-time validators', () => {
  it('cover every request, response header and error body of the shipped contract as its newest release answers', () => {
    const missing = schemas.filter(({ schema }) => !prebuiltValidators.has(JSON.stringify(schema))).map(({ name }) => name)
    expect(missing).toEqual([])
  })

  it.each(schemas)('answer like ajv compiling $name, errors and all', ({ schema }) => {
    const prebuilt = prebuiltValidators.get(JSON.stringify(schema))!
    const compiled = ajv.compile(schema)
    for (const input of inputsFor(schema)) {
      const answers = [prebuilt(input), compiled(input)]
      expect({ input, valid: answers[0], errors: prebuilt.errors ?? null }).toEqual({ input, valid: answers[1], errors: compiled.errors ?? null })
    }
  })
})
