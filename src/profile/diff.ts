// What changes for a client between two releases: the derived documents compared operation by
// operation, schema by schema, plus the behaviour switches. Breaking changes (a removed operation,
// status, field or parameter, a new required parameter, a changed type, enum or default, a changed
// threshold or order) come first, additive ones after.
import { httpMethods } from '../contract/operations.js'
import { isObject } from '../contract/pointer.js'
import { behaviourNames, type BehaviourName } from './behaviours.js'
import { resolveRef } from './derive.js'
import type { VersionProfile } from './profile.js'

type Json = Record<string, unknown>

export type ChangeKind =
  | 'removed-operation'
  | 'new-operation'
  | 'removed-status'
  | 'new-status'
  | 'removed-parameter'
  | 'new-parameter'
  | 'new-required-parameter'
  | 'removed-field'
  | 'new-field'
  | 'field-now-optional'
  | 'field-now-required'
  | 'changed-type'
  | 'removed-enum-value'
  | 'new-enum-value'
  | 'changed-default'
  | 'changed-behaviour'

export interface ContractChange {
  breaking: boolean
  kind: ChangeKind
  /** The element: `listRunnerManagers`, `Runner.ip_address`, `listRunnerJobs.sort`, `behaviour:staleWindow`. */
  subject: string
  description: string
}

export interface ContractDiff {
  from: string
  to: string
  /** Breaking changes first, then additive ones; each group in document order. */
  changes: ContractChange[]
  /** Facts only known as a window around either release: the diff may be wrong about them. */
  windows: { release: string; id: string; description: string; window: { from: string; to: string } }[]
}

// Behaviour switches whose change a client must act on (thresholds, order, shapes, messages);
// the others only widen what GitLab accepts or change opaque values.
const breakingBehaviours = new Set<BehaviourName>([
  'onlineWindow',
  'staleWindow',
  'neverContactedStatus',
  'ipAddress',
  'verifyResponse',
  'jobsDefaultOrder',
  'putReturnsProjects',
  'runnerNotFoundMessage',
  'registrationTokenSwitch',
  'runnerVersionFieldsFrom',
  'projectRunnerUnassignRule',
  'invalidRegistrationTokenMessage',
  'maintenanceNoteVisibility',
])

export function diffProfiles(from: VersionProfile, to: VersionProfile): ContractDiff {
  const changes: ContractChange[] = []
  const add = (breaking: boolean, kind: ChangeKind, subject: string, description: string): void => {
    changes.push({ breaking, kind, subject, description })
  }
  const [a, b] = [from.document, to.document]
  const [opsA, opsB] = [operationsOf(a), operationsOf(b)]
  const requestSchemas = new Set([...requestSchemaNames(a), ...requestSchemaNames(b)])

  for (const [id, { where }] of opsA) if (!opsB.has(id)) add(true, 'removed-operation', id, `${where} is gone`)
  for (const [id, { where }] of opsB) if (!opsA.has(id)) add(false, 'new-operation', id, `${where} appears`)
  for (const [id, before] of opsA) {
    const after = opsB.get(id)
    if (after === undefined) continue
    const [parametersA, parametersB] = [parametersOf(a, before.operation), parametersOf(b, after.operation)]
    for (const [name, parameter] of parametersA) {
      const other = parametersB.get(name)
      if (other === undefined) add(true, 'removed-parameter', `${id}.${name}`, `${id} no longer takes ${name}`)
      else compareSchemas(a, b, parameter['schema'], other['schema'], `${id}.${name}`, 'request', add)
    }
    for (const [name, parameter] of parametersB) {
      if (parametersA.has(name)) continue
      if (parameter['required'] === true) add(true, 'new-required-parameter', `${id}.${name}`, `${id} requires ${name}`)
      else add(false, 'new-parameter', `${id}.${name}`, `${id} takes ${name}`)
    }
    const [responsesA, responsesB] = [objectAt(before.operation, 'responses'), objectAt(after.operation, 'responses')]
    for (const status of Object.keys(responsesA)) {
      if (responsesB[status] === undefined) add(true, 'removed-status', `${id}.${status}`, `${id} no longer answers ${status}`)
      else compareSchemas(a, b, bodySchema(a, responsesA[status]), bodySchema(b, responsesB[status]), `${id}.${status} body`, 'response', add, false)
    }
    for (const status of Object.keys(responsesB)) if (responsesA[status] === undefined) add(false, 'new-status', `${id}.${status}`, `${id} may answer ${status}`)
  }

  const [schemasA, schemasB] = [objectAt(objectAt(a, 'components'), 'schemas'), objectAt(objectAt(b, 'components'), 'schemas')]
  for (const [name, schema] of Object.entries(schemasA)) {
    if (schemasB[name] !== undefined) compareSchemas(a, b, schema, schemasB[name], name, requestSchemas.has(name) ? 'request' : 'response', add)
  }

  for (const name of behaviourNames) {
    const [before, after] = [from.behaviour(name), to.behaviour(name)]
    if (before !== after) add(breakingBehaviours.has(name), 'changed-behaviour', `behaviour:${name}`, `${name}: ${JSON.stringify(before)} → ${JSON.stringify(after)}`)
  }

  const windows = [from, to].flatMap((profile) => profile.windowFacts().map((fact) => ({ release: profile.label, id: fact.id, description: fact.description, window: fact.window })))
  return { from: from.label, to: to.label, changes: [...changes.filter((change) => change.breaking), ...changes.filter((change) => !change.breaking)], windows }
}

type Add = (breaking: boolean, kind: ChangeKind, subject: string, description: string) => void

// Keys of a schema that say nothing about the values it accepts.
const annotations = new Set(['description', 'title', 'deprecated', 'examples', 'example', '$comment', 'externalDocs', 'readOnly', 'writeOnly', 'format'])

/**
 * Compares two schemas of one element. Object schemas are compared property by property (only
 * where they are written inline: a `$ref`'d component is compared once, by name); any other
 * difference in what the schema accepts is a changed type, enum or default.
 */
function compareSchemas(a: Json, b: Json, left: unknown, right: unknown, subject: string, side: 'request' | 'response', add: Add, deep = true): void {
  if (!isObject(left) || !isObject(right)) return
  if (typeof left['$ref'] === 'string' && left['$ref'] === right['$ref']) return
  const [enumA, enumB] = [left['enum'], right['enum']]
  if (Array.isArray(enumA) && Array.isArray(enumB)) {
    for (const value of enumA) if (!enumB.includes(value)) add(true, 'removed-enum-value', `${subject}=${String(value)}`, `${subject} no longer ${side === 'request' ? 'accepts' : 'takes the value'} ${JSON.stringify(value)}`)
    // A new value in an answer breaks a client that handles every value; a new accepted value does not.
    for (const value of enumB) if (!enumA.includes(value)) add(side === 'response', 'new-enum-value', `${subject}=${String(value)}`, `${subject} ${side === 'request' ? 'accepts' : 'may take the value'} ${JSON.stringify(value)}`)
  }
  if (left['default'] !== undefined && right['default'] !== undefined && JSON.stringify(left['default']) !== JSON.stringify(right['default'])) {
    add(true, 'changed-default', subject, `${subject} defaults to ${JSON.stringify(right['default'])} instead of ${JSON.stringify(left['default'])}`)
  }
  const [propertiesA, propertiesB] = [left['properties'], right['properties']]
  if (deep && isObject(propertiesA) && isObject(propertiesB)) {
    const [requiredA, requiredB] = [asNames(left['required']), asNames(right['required'])]
    for (const [name, property] of Object.entries(propertiesA)) {
      const here = `${subject}.${name}`
      if (propertiesB[name] === undefined) {
        add(true, side === 'request' ? 'removed-parameter' : 'removed-field', here, side === 'request' ? `${here} is no longer taken` : `${here} is no longer sent`)
        continue
      }
      if (side === 'response' && requiredA.has(name) && !requiredB.has(name)) add(true, 'field-now-optional', here, `${here} may be absent`)
      if (side === 'response' && !requiredA.has(name) && requiredB.has(name)) add(false, 'field-now-required', here, `${here} is always sent`)
      if (side === 'request' && !requiredA.has(name) && requiredB.has(name)) add(true, 'new-required-parameter', here, `${here} is required`)
      compareSchemas(a, b, property, propertiesB[name], here, side, add)
    }
    for (const name of Object.keys(propertiesB)) {
      if (propertiesA[name] !== undefined) continue
      const here = `${subject}.${name}`
      if (side === 'request') add(requiredB.has(name), requiredB.has(name) ? 'new-required-parameter' : 'new-parameter', here, requiredB.has(name) ? `${here} is required` : `${here} is taken`)
      else add(false, 'new-field', here, `${here} is sent${requiredB.has(name) ? '' : ' (sometimes)'}`)
    }
    return
  }
  const [shapeA, shapeB] = [shapeOf(left), shapeOf(right)]
  if (JSON.stringify(shapeA) !== JSON.stringify(shapeB)) add(true, 'changed-type', subject, `${subject}: ${describe(a, left)} → ${describe(b, right)}`)
}

/** What a schema accepts, ignoring annotations, enums, defaults and properties (compared apart). */
function shapeOf(schema: Json): Json {
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => !annotations.has(key) && !key.startsWith('x-') && key !== 'enum' && key !== 'default' && key !== 'properties' && key !== 'required')
      .sort(([x], [y]) => x.localeCompare(y)),
  )
}

function describe(document: Json, schema: Json): string {
  if (typeof schema['$ref'] === 'string') return schema['$ref'].split('/').at(-1)!
  if (schema['const'] !== undefined) return JSON.stringify(schema['const'])
  if (Array.isArray(schema['anyOf'])) return schema['anyOf'].map((item) => (isObject(item) ? describe(document, item) : '?')).join(' or ')
  const type = schema['type']
  if (Array.isArray(type)) return type.join(' | ')
  if (typeof type === 'string') return type === 'array' && isObject(schema['items']) ? `array of ${describe(document, schema['items'])}` : type
  return JSON.stringify(shapeOf(schema))
}

function asNames(list: unknown): Set<string> {
  return new Set(Array.isArray(list) ? list.map(String) : [])
}

function objectAt(node: unknown, key: string): Json {
  return isObject(node) && isObject(node[key]) ? node[key] : {}
}

function operationsOf(document: Json): Map<string, { where: string; operation: Json; pathItem: Json }> {
  const found = new Map<string, { where: string; operation: Json; pathItem: Json }>()
  for (const [path, item] of Object.entries(objectAt(document, 'paths'))) {
    if (!isObject(item)) continue
    for (const method of httpMethods) {
      const operation = item[method]
      if (isObject(operation)) found.set(String(operation['operationId']), { where: `${method.toUpperCase()} ${path}`, operation, pathItem: item })
    }
  }
  return found
}

/** Query, path and header parameters, and the properties of the request body, by name. */
function parametersOf(document: Json, operation: Json): Map<string, Json> {
  const found = new Map<string, Json>()
  for (const use of Array.isArray(operation['parameters']) ? operation['parameters'] : []) {
    const parameter = resolveRef(document, use)
    if (isObject(parameter)) found.set(String(parameter['name']), { ...parameter, schema: parameter['schema'] })
  }
  return found
}

function bodySchema(document: Json, response: unknown): unknown {
  const content = objectAt(resolveRef(document, response), 'content')
  const media = content['application/json'] ?? Object.values(content)[0]
  return isObject(media) ? media['schema'] : undefined
}

function requestSchemaNames(document: Json): string[] {
  const names: string[] = []
  const bodies = [...operationsOf(document).values()].map(({ operation }) => resolveRef(document, operation['requestBody']))
  for (const body of bodies) {
    for (const media of Object.values(objectAt(body, 'content'))) {
      const ref = isObject(media) && isObject(media['schema']) ? media['schema']['$ref'] : undefined
      if (typeof ref === 'string') names.push(ref.split('/').at(-1)!)
    }
  }
  return names
}

export function formatDiff(diff: ContractDiff): string {
  const breaking = diff.changes.filter((change) => change.breaking)
  const additive = diff.changes.filter((change) => !change.breaking)
  const lines = [`GitLab ${diff.from} → ${diff.to}: ${breaking.length} breaking, ${additive.length} additive`]
  const width = Math.max(0, ...diff.changes.map((change) => change.kind.length))
  const section = (title: string, list: ContractChange[]): void => {
    if (list.length === 0) return
    lines.push('', title)
    for (const change of list) lines.push(`  ${change.kind.padEnd(width)}  ${change.description}`)
  }
  section('Breaking', breaking)
  section('Additive', additive)
  if (diff.windows.length > 0) {
    lines.push('', 'Known only as a window (judged leniently)')
    for (const fact of diff.windows) lines.push(`  ${fact.release}: ${fact.id} ${fact.description} (between ${fact.window.from} and ${fact.window.to})`)
  }
  return `${lines.join('\n')}\n`
}
