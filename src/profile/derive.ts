// Derives the document of one GitLab release from the contract, which describes the newest: drops
// operations, parameters, statuses, headers, properties and enum values the release did not have,
// restores properties it had that the newest lacks, adjusts `required`, and puts back the schema an
// element had before a change of shape. Where the release lies inside a fact's window the document
// is lenient: the element is optional, or its schema accepts both shapes.
import { httpMethods } from '../contract/operations.js'
import { decodePointer, encodePointer, isObject, valueAt } from '../contract/pointer.js'
import { fitExamples } from './examples.js'
import { presenceIn, readChanges, readLifecycle, type Presence } from './facts.js'
import { formatRelease, sideOf, type Release } from './release.js'

type Json = Record<string, unknown>

// Values under these keys are data (examples, defaults), never schemas or containers to filter.
const dataKeys = new Set(['example', 'examples', 'default', 'const', 'enum', 'x-gitlab-behaviours', 'x-gitlab-changes', 'x-gitlab-values'])
// Keys of a schema that only describe it; they stay outside when a window makes it `anyOf` both shapes.
const annotationKeys = new Set(['description', 'title', 'deprecated', 'readOnly', 'writeOnly', '$comment', 'externalDocs'])

export function deriveDocument(source: Json, release: Release): Json {
  const document = structuredClone(source)
  const resolve = (node: unknown): unknown => resolveRef(document, node)
  const presence = (node: unknown, at: string): Presence => {
    // A `$ref` use may carry its own facts beside the ref; the target carries the component's.
    const own = readLifecycle(node, at)
    const target = readLifecycle(resolve(node), at)
    return presenceIn(release, { ...target, ...own })
  }

  const paths = isObject(document['paths']) ? document['paths'] : {}
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue
    for (const method of httpMethods) {
      if (item[method] !== undefined && presence(item[method], encodePointer(['paths', path, method])) === 'no') delete item[method]
    }
    if (!httpMethods.some((method) => item[method] !== undefined)) delete paths[path]
  }

  transform(document, [], document, release, presence)
  fitExamples(document)
  dropOrphanedComponents(source, document)
  const info = document['info']
  if (isObject(info)) {
    info['title'] = `${String(info['title'])} as GitLab ${formatRelease(release)} answers`
    info['x-gitlab-release'] = formatRelease(release)
  }
  return document
}

function transform(node: unknown, at: string[], document: Json, release: Release, presence: (node: unknown, at: string) => Presence): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => transform(item, [...at, String(index)], document, release, presence))
    return
  }
  if (!isObject(node)) return
  const pointer = encodePointer(at)
  const parent = at.at(-1)

  // Containers whose entries have their own lifecycle (unless this node is a map of property names).
  if (Array.isArray(node['parameters']) && parent !== 'properties') {
    node['parameters'] = node['parameters'].filter((parameter: unknown, index) => presence(parameter, `${pointer}/parameters/${index}`) !== 'no')
  }
  for (const key of ['responses', 'headers'] as const) {
    const map = node[key]
    if (isObject(map) && parent !== 'properties') {
      for (const [name, entry] of Object.entries(map)) if (presence(entry, `${pointer}/${key}/${name}`) === 'no') delete map[name]
    }
  }
  if (isObject(node['properties']) && parent !== 'properties') derivePropertiesOf(node, pointer, release, presence)
  if (Array.isArray(node['enum']) && isObject(node['x-gitlab-values'])) deriveEnum(node, pointer, release)

  for (const [key, value] of Object.entries(node)) {
    if (dataKeys.has(key) || key === 'x-gitlab-removed-properties') continue
    transform(value, [...at, key], document, release, presence)
  }
  applyChanges(node, pointer, release)
}

function derivePropertiesOf(schema: Json, pointer: string, release: Release, presence: (node: unknown, at: string) => Presence): void {
  const properties = schema['properties'] as Json
  const optional = new Set<string>()
  for (const [name, property] of Object.entries(properties)) {
    const state = presence(property, `${pointer}/properties/${name}`)
    if (state === 'no') delete properties[name]
    if (state === 'window') optional.add(name)
  }
  const removed = schema['x-gitlab-removed-properties']
  if (isObject(removed)) {
    for (const [name, property] of Object.entries(removed)) {
      const state = presence(property, `${pointer}/x-gitlab-removed-properties/${name}`)
      if (state === 'no' || properties[name] !== undefined) continue
      properties[name] = structuredClone(property)
      if (state === 'window') optional.add(name)
    }
  }
  if (Array.isArray(schema['required'])) {
    const required = schema['required'].filter((name) => typeof name === 'string' && properties[name] !== undefined && !optional.has(name))
    if (required.length > 0) schema['required'] = required
    else delete schema['required']
  }
  // Grape rules name parameters; a rule about a parameter the release lacks does not exist there.
  const existing = (name: unknown): boolean => typeof name === 'string' && properties[name] !== undefined
  if (Array.isArray(schema['x-gitlab-at-least-one-of'])) schema['x-gitlab-at-least-one-of'] = schema['x-gitlab-at-least-one-of'].filter(existing)
  if (Array.isArray(schema['x-gitlab-mutually-exclusive'])) {
    const written = schema['x-gitlab-mutually-exclusive'] as unknown[]
    const asGroups = written.every((item) => typeof item === 'string') ? [written] : written
    const groups = asGroups.map((group: unknown) => (Array.isArray(group) ? group.filter(existing) : [])).filter((group) => group.length >= 2)
    if (groups.length > 0) schema['x-gitlab-mutually-exclusive'] = groups
    else delete schema['x-gitlab-mutually-exclusive']
  }
}

function deriveEnum(schema: Json, pointer: string, release: Release): void {
  const facts = schema['x-gitlab-values'] as Json
  const values = (schema['enum'] as unknown[]).filter((value) => presenceIn(release, readLifecycle(facts[String(value)], `${pointer}/x-gitlab-values/${String(value)}`, '')) !== 'no')
  // Values the newest dropped come back where the release still had them.
  for (const [value, valueFacts] of Object.entries(facts)) {
    if (values.includes(value)) continue
    if (presenceIn(release, readLifecycle(valueFacts, `${pointer}/x-gitlab-values/${value}`, '')) !== 'no') values.push(value)
  }
  schema['enum'] = values
}

function applyChanges(node: Json, pointer: string, release: Release): void {
  let shaped: Json | undefined
  for (const change of readChanges(node, pointer)) {
    if (change.beforeSchema === undefined) continue
    const side = sideOf(release, change.moment)
    if (side === 'after') break
    const current = shaped ?? withoutAnnotations(node)
    shaped = side === 'before' ? structuredClone(change.beforeSchema) : { anyOf: [current, structuredClone(change.beforeSchema)] }
  }
  if (shaped === undefined) return
  for (const key of Object.keys(node)) if (!annotationKeys.has(key) && !key.startsWith('x-gitlab-')) delete node[key]
  Object.assign(node, shaped)
}

function withoutAnnotations(node: Json): Json {
  return Object.fromEntries(Object.entries(node).filter(([key]) => !annotationKeys.has(key) && !key.startsWith('x-gitlab-') && key !== 'examples' && key !== 'example'))
}

export function resolveRef(document: Json, node: unknown, seen = 0): unknown {
  if (!isObject(node) || typeof node['$ref'] !== 'string' || seen > 20) return node
  const segments = decodePointer(node['$ref'])
  if (segments === undefined) return node
  return resolveRef(document, valueAt(document, segments).value, seen + 1)
}

/** Components the derivation left without a use, which the source did use, are removed. */
function dropOrphanedComponents(source: Json, document: Json): void {
  const unusedInSource = unusedComponents(source)
  for (;;) {
    const orphans = [...unusedComponents(document)].filter((pointer) => !unusedInSource.has(pointer))
    if (orphans.length === 0) return
    for (const pointer of orphans) {
      const [, kind, name] = decodePointer(pointer)!
      delete ((document['components'] as Json)[kind!] as Json)[name!]
    }
  }
}

function unusedComponents(document: Json): Set<string> {
  const used = new Set<string>()
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(collect)
    else if (isObject(node)) {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && typeof value === 'string') used.add(value)
        else collect(value)
      }
    }
  }
  collect(document)
  const unused = new Set<string>()
  const components = isObject(document['components']) ? document['components'] : {}
  for (const [kind, entries] of Object.entries(components)) {
    if (kind === 'securitySchemes' || !isObject(entries)) continue
    for (const name of Object.keys(entries)) {
      const pointer = encodePointer(['components', kind, name])
      if (!used.has(pointer)) unused.add(pointer)
    }
  }
  return unused
}
