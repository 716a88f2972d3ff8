// The request validators compiled at build time (src/generated/request-validators.ts) stand in for
// ajv's own compile of the same schema text: they must be found for every operation of the shipped
// contract's newest release, and answer every input exactly as ajv's compile would, errors included
// (the Grape messages are made from them).
import { describe, expect, it } from 'vitest'
import { loadContract } from '../../src/contract/index.js'
import { requestSchemas } from '../../src/contract/request.js'
import { createAjv } from '../../src/contract/vocabulary.js'
import { prebuiltRequestValidators } from '../../src/generated/request-validators.js'

const contract = loadContract()
const ajv = createAjv({ checkSchemas: false })
const schemas = [...contract.operations.values()].flatMap((operation) => {
  const { parameters, body } = requestSchemas(operation)
  return [
    { name: `${operation.operationId} parameters`, schema: parameters },
    ...(body === undefined ? [] : [{ name: `${operation.operationId} body`, schema: body as Record<string, unknown> }]),
  ]
})

/** Inputs that pass and fail each property in the ways a client gets wrong: wrong types, nulls, unknown values. */
function inputsFor(schema: Record<string, unknown>): unknown[] {
  const properties = Object.keys((schema['properties'] as Record<string, unknown> | undefined) ?? {})
  const wrong = ['text', 'zzz-not-an-enum-value', 0, -1, 2.5, 2 ** 53 + 2, true, null, [], ['a', 1], {}, { nested: 'x' }, '', '2026-13-45T99:00:00Z', '2026-01-02T03:04:05Z']
  const inputs: unknown[] = [{}, null, 'not an object', []]
  for (const value of wrong) inputs.push(Object.fromEntries(properties.map((name) => [name, value])))
  for (const name of properties) for (const value of wrong) inputs.push({ [name]: value })
  return inputs
}

describe('the build-time request validators', () => {
  it('cover every operation of the shipped contract as its newest release answers', () => {
    const missing = schemas.filter(({ schema }) => !prebuiltRequestValidators.has(JSON.stringify(schema))).map(({ name }) => name)
    expect(missing).toEqual([])
  })

  it.each(schemas)('answer like ajv compiling $name, errors and all', ({ schema }) => {
    const prebuilt = prebuiltRequestValidators.get(JSON.stringify(schema))!
    const compiled = ajv.compile(schema)
    for (const input of inputsFor(schema)) {
      const answers = [prebuilt(input), compiled(input)]
      expect({ input, valid: answers[0], errors: prebuilt.errors ?? null }).toEqual({ input, valid: answers[1], errors: compiled.errors ?? null })
    }
  })
})
