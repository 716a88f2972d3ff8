// Keeps a derived document's examples true for its release: an example that no longer matches its
// schema loses the keys that release did not send (closed objects); if it still does not match, it
// is dropped. Shared component examples are adapted at the place of use, never in place.
import type { ValidateFunction } from 'ajv'
import { isObject } from '../contract/pointer.js'
import { createAjv } from '../contract/vocabulary.js'
import { resolveRef } from './derive.js'

type Json = Record<string, unknown>

const registryId = 'https://gitlab-runners-mock.test/derived-components.json'

export function fitExamples(document: Json): void {
  const ajv = createAjv()
  const components = isObject(document['components']) ? document['components'] : {}
  ajv.addSchema({ $id: registryId, $defs: rebase(components['schemas'] ?? {}) })
  // Many sites share one schema (`$ref: Runner`): compile each distinct schema once.
  const validators = new Map<string, ValidateFunction>()
  const fits = (schema: unknown, value: unknown): boolean => {
    const key = JSON.stringify(schema)
    let validate = validators.get(key)
    if (validate === undefined) {
      validate = ajv.compile(typeof schema === 'boolean' ? schema : (rebase(schema) as Json))
      validators.set(key, validate)
    }
    return validate(value)
  }
  const fit = (schema: unknown, value: unknown): { value: unknown } | undefined => {
    if (fits(schema, value)) return { value }
    const pruned = prune(document, schema, value)
    return fits(schema, pruned) ? { value: pruned } : undefined
  }

  const visit = (node: unknown, inData: boolean): void => {
    if (Array.isArray(node)) return node.forEach((item) => visit(item, inData))
    if (!isObject(node) || inData) return
    if (node['schema'] !== undefined) fitUseSite(document, node, fit)
    // Only schemas carry an `examples` list (media types carry a map).
    if (Array.isArray(node['examples'])) {
      const schema = Object.fromEntries(Object.entries(node).filter(([key]) => key !== 'examples'))
      const kept = node['examples'].flatMap((value: unknown) => fit(schema, value)?.value ?? [])
      if (kept.length > 0) node['examples'] = kept
      else delete node['examples']
    }
    for (const [key, value] of Object.entries(node)) {
      visit(value, key === 'example' || key === 'examples' || key === 'default' || key === 'enum' || key === 'const' || key.startsWith('x-gitlab-'))
    }
  }
  visit(document['paths'], false)
  for (const kind of ['parameters', 'headers', 'responses', 'requestBodies', 'schemas']) visit(components[kind], false)
}

/** A media type, parameter or header: its `example` and `examples` checked against its `schema`. */
function fitUseSite(document: Json, site: Json, fit: (schema: unknown, value: unknown) => { value: unknown } | undefined): void {
  const schema = site['schema']
  if ('example' in site) {
    const fitted = fit(schema, site['example'])
    if (fitted === undefined) delete site['example']
    else site['example'] = fitted.value
  }
  if (!isObject(site['examples'])) return
  const examples = site['examples']
  for (const [name, example] of Object.entries(examples)) {
    const resolved = resolveRef(document, example)
    if (!isObject(resolved) || !('value' in resolved)) continue
    const fitted = fit(schema, resolved['value'])
    if (fitted === undefined) delete examples[name]
    else if (fitted.value !== resolved['value']) examples[name] = { ...resolved, value: fitted.value }
  }
  if (Object.keys(examples).length > 0) return
  delete site['examples']
  // A shape the release had before a change brings its own example (`beforeSchema.examples`).
  const own = resolveRef(document, schema)
  if (!('example' in site) && isObject(own) && Array.isArray(own['examples']) && own['examples'].length > 0) site['example'] = own['examples'][0]
}

/** Drops keys a closed object does not declare, at every depth the schema describes. */
function prune(document: Json, schemaNode: unknown, value: unknown): unknown {
  const schema = resolveRef(document, schemaNode)
  if (!isObject(schema)) return value
  if (Array.isArray(value)) return isObject(schema['items']) ? value.map((item) => prune(document, schema['items'], item)) : value
  if (!isObject(value)) return value
  for (const branch of ['allOf', 'anyOf', 'oneOf']) {
    if (Array.isArray(schema[branch]) && schema[branch].length === 1) return prune(document, schema[branch][0], value)
  }
  const properties = isObject(schema['properties']) ? schema['properties'] : undefined
  if (properties === undefined) return value
  const closed = schema['additionalProperties'] === false
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !closed || key in properties)
      .map(([key, item]) => [key, key in properties ? prune(document, properties[key], item) : item]),
  )
}

function rebase(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rebase)
  if (!isObject(node)) return node
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) =>
      key === '$ref' && typeof value === 'string' && value.startsWith('#/components/schemas/')
        ? [key, `${registryId}#/$defs/${value.slice('#/components/schemas/'.length)}`]
        : [key, rebase(value)],
    ),
  )
}
