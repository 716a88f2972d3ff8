// The example check of the contract, shared by the main document's test and the derived documents'
// tests: every example (media types, parameters, headers, schema `examples`) validated against its
// own schema with ajv's 2020-12 dialect in strict mode, with our x-gitlab vocabulary.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import { parse } from 'yaml'
import { gitlabVocabulary } from '../../src/contract/vocabulary.js'

export type Json = Record<string, unknown>

export const specFile = fileURLToPath(new URL('../../openapi/gitlab-runners.yaml', import.meta.url))
const registryId = 'https://gitlab-runners-mock.test/components.json'

export interface ExampleSite {
  /** JSON pointer of the example in the document. */
  at: string
  schema: unknown
  value: unknown
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function readSpec(): Json {
  const document: unknown = parse(readFileSync(specFile, 'utf8'))
  if (!isObject(document)) throw new Error(`${specFile} is not a YAML mapping`)
  return document
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1')
}

function valueAtPointer(document: Json, pointer: string): unknown {
  const segments = pointer.slice(2).split('/').map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
  return segments.reduce<unknown>((node, segment) => (isObject(node) || Array.isArray(node) ? (node as Json)[segment] : undefined), document)
}

// Example objects and media-type examples may be `$ref`s to components/examples.
function resolveRef(document: Json, node: unknown): unknown {
  if (isObject(node) && typeof node['$ref'] === 'string') return resolveRef(document, valueAtPointer(document, node['$ref']))
  return node
}

// Schemas refer to each other as `#/components/schemas/X`; ajv knows them as `<registryId>#/$defs/X`.
function rebaseSchemaRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rebaseSchemaRefs)
  if (!isObject(node)) return node
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) =>
      key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')
        ? [key, `${registryId}#/$defs/${value.slice('#/components/schemas/'.length)}`]
        : [key, rebaseSchemaRefs(value)],
    ),
  )
}

export function createAjv(document: Json): Ajv2020 {
  // allowUnionTypes: OpenAPI 3.1 spells nullable values `type: [string, 'null']`.
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true })
  addFormats.default(ajv)
  ajv.addVocabulary(gitlabVocabulary.map((definition) => ({ ...definition })))
  const components = isObject(document['components']) ? document['components'] : {}
  ajv.addSchema({ $id: registryId, $defs: rebaseSchemaRefs(components['schemas'] ?? {}) })
  return ajv
}

export function collectExamples(document: Json): ExampleSite[] {
  const sites: ExampleSite[] = []
  function walk(node: unknown, at: string): void {
    if (Array.isArray(node)) {
      node.forEach((item, index) => walk(item, `${at}/${index}`))
      return
    }
    if (!isObject(node)) return
    // Media types, parameters and headers: `example`, or an `examples` map of Example objects.
    if ('schema' in node) {
      if ('example' in node) sites.push({ at: `${at}/example`, schema: node['schema'], value: node['example'] })
      if (isObject(node['examples'])) {
        for (const [name, example] of Object.entries(node['examples'])) {
          const resolved = resolveRef(document, example)
          sites.push({ at: `${at}/examples/${escapePointer(name)}`, schema: node['schema'], value: isObject(resolved) ? resolved['value'] : undefined })
        }
      }
    }
    // Schemas: a 2020-12 `examples` array, each item valid against the schema that carries it.
    if (Array.isArray(node['examples']) && !at.includes('/x-gitlab-')) {
      node['examples'].forEach((value: unknown, index) => sites.push({ at: `${at}/examples/${index}`, schema: node, value }))
    }
    for (const [key, value] of Object.entries(node)) walk(value, `${at}/${escapePointer(key)}`)
  }
  walk(document, '#')
  return sites
}

export function exampleErrors(ajv: Ajv2020, site: ExampleSite): string[] {
  const validate = ajv.compile(rebaseSchemaRefs(site.schema) as Json)
  if (validate(site.value)) return []
  return (validate.errors ?? []).map((error: ErrorObject) => `${error.instancePath || '/'} ${error.keyword} ${JSON.stringify(error.params)}`)
}

export function responseMediaTypes(document: Json): { at: string; mediaType: Json }[] {
  const found: { at: string; mediaType: Json }[] = []
  const paths = isObject(document['paths']) ? document['paths'] : {}
  for (const [path, pathItem] of Object.entries(paths)) {
    if (!isObject(pathItem)) continue
    for (const [method, operation] of Object.entries(pathItem)) {
      if (!isObject(operation) || !isObject(operation['responses'])) continue
      for (const [status, response] of Object.entries(operation['responses'])) {
        const resolved = resolveRef(document, response)
        const content = isObject(resolved) && isObject(resolved['content']) ? resolved['content'] : {}
        for (const [type, mediaType] of Object.entries(content)) {
          if (isObject(mediaType)) found.push({ at: `${method.toUpperCase()} ${path} ${status} ${type}`, mediaType })
        }
      }
    }
  }
  return found
}
