// $ref inlining: what the validators and handlers read, and where a broken $ref is reported.
import { describe, expect, it } from 'vitest'
import { dereference } from '../../src/contract/dereference.js'

const Runner = { type: 'object', properties: { id: { type: 'integer' } } }

describe('dereference', () => {
  it('inlines a shared component as one object wherever it is used', () => {
    const source = {
      components: { schemas: { Runner, Runners: { type: 'array', items: { $ref: '#/components/schemas/Runner' } } } },
      paths: { '/r': { get: { responses: { 200: { schema: { $ref: '#/components/schemas/Runner' } }, 201: { schema: { $ref: '#/components/schemas/Runners' } } } } } },
    }
    const { document, problems } = dereference(source) as { document: typeof source; problems: unknown[] }
    expect(problems).toEqual([])
    const responses = document.paths['/r'].get.responses as unknown as Record<string, { schema: { items?: unknown } }>
    expect(responses['200']!.schema).toEqual(Runner)
    expect(responses['201']!.schema.items).toBe(responses['200']!.schema)
  })

  it('merges annotation siblings of a $ref and turns validating siblings into allOf', () => {
    const source = {
      components: { schemas: { Runner } },
      a: { $ref: '#/components/schemas/Runner', description: 'the runner', 'x-gitlab-introduced': '16.0' },
      b: { $ref: '#/components/schemas/Runner', required: ['id'] },
    }
    const { document } = dereference(source) as { document: Record<string, unknown> }
    expect(document['a']).toEqual({ ...Runner, description: 'the runner', 'x-gitlab-introduced': '16.0' })
    expect(document['b']).toEqual({ required: ['id'], allOf: [Runner] })
  })

  it('keeps a key named __proto__ as data', () => {
    const source = JSON.parse('{"properties": {"__proto__": {"type": "string"}}}') as unknown
    const { document } = dereference(source) as { document: { properties: Record<string, unknown> } }
    expect(Object.keys(document.properties)).toEqual(['__proto__'])
    expect(Object.getPrototypeOf(document.properties)).toBe(Object.prototype)
  })

  it('reports a dangling, a circular and a non-local $ref where each is written', () => {
    const source = {
      components: { schemas: { Loop: { properties: { next: { $ref: '#/components/schemas/Loop' } } } } },
      paths: { '/r': { get: { parameters: [{ schema: { $ref: '#/components/schemas/Nope' } }, { schema: { $ref: 'other.yaml#/X' } }] } } },
    }
    const { problems } = dereference(source)
    expect(problems).toEqual([
      { at: ['components', 'schemas', 'Loop', 'properties', 'next'], message: "$ref '#/components/schemas/Loop' is circular (#/components/schemas/Loop -> #/components/schemas/Loop)" },
      { at: ['paths', '/r', 'get', 'parameters', '0', 'schema'], message: "$ref '#/components/schemas/Nope' does not resolve" },
      { at: ['paths', '/r', 'get', 'parameters', '1', 'schema'], message: "$ref 'other.yaml#/X' is not a local pointer (only '#/...' is supported)" },
    ])
  })
})
