// Every element of the contract a profile can be asked about, by a stable id, with the version
// facts written on it:
//   operation:listRunnerManagers            parameter:listRunnerJobs.system_id
//   property:RunnerDetails.maintenance_note value:RunnerStatus=not_connected
//   value:listRunners.status=stale          status:registerRunner.410
//   header:listRunnerJobs.200.X-Total       schema:RunnerStatus      behaviour:onlineWindow
import { httpMethods } from '../contract/operations.js'
import { encodePointer, isObject } from '../contract/pointer.js'
import { resolveRef } from './derive.js'
import { readChanges, readLifecycle, readMoment, type Change, type Lifecycle } from './facts.js'

type Json = Record<string, unknown>

export type FactKind = 'operation' | 'parameter' | 'property' | 'value' | 'status' | 'header' | 'schema' | 'behaviour'

export interface CatalogueEntry {
  id: string
  kind: FactKind
  /** Where the facts are written in the source document: a shared component once for all its uses. */
  pointer: string
  lifecycle: Lifecycle
  changes: Change[]
  /** Whether any version fact is written on it. */
  versioned: boolean
  /** The element it belongs to (a parameter's or status's operation): it exists only while that does. */
  within?: string
}

export function catalogue(document: Json): Map<string, CatalogueEntry> {
  const entries = new Map<string, CatalogueEntry>()
  let within: string | undefined
  const add = (id: string, kind: FactKind, pointer: string, lifecycle: Lifecycle, changes: Change[] = []): void => {
    if (entries.has(id)) return
    const versioned = Object.keys(lifecycle).length > 0 || changes.length > 0
    entries.set(id, { id, kind, pointer, lifecycle, changes, versioned, ...(within === undefined || kind === 'operation' ? {} : { within }) })
  }
  const resolve = (node: unknown): unknown => resolveRef(document, node)
  // A use without facts of its own is the component it refers to.
  const sourceOf = (use: unknown, where: string): string =>
    isObject(use) && typeof use['$ref'] === 'string' && !Object.keys(use).some((key) => key.startsWith('x-gitlab-')) ? use['$ref'] : where
  const addValues = (owner: string, schemaNode: unknown, at: string): void => {
    const pointer = sourceOf(schemaNode, at)
    const schema = resolve(schemaNode)
    if (!isObject(schema)) return
    const facts = isObject(schema['x-gitlab-values']) ? schema['x-gitlab-values'] : {}
    const values = [...(Array.isArray(schema['enum']) ? schema['enum'].map(String) : []), ...Object.keys(facts)]
    for (const value of new Set(values)) add(`value:${owner}=${value}`, 'value', `${pointer}/x-gitlab-values`, readLifecycle(facts[value], `${pointer}/x-gitlab-values/${value}`, ''))
  }

  const paths = isObject(document['paths']) ? document['paths'] : {}
  const requestSchemas = new Set<unknown>()
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue
    for (const method of httpMethods) {
      const operation = item[method]
      if (!isObject(operation)) continue
      const at = ['paths', path, method]
      const pointer = encodePointer(at)
      const operationId = String(operation['operationId'])
      add(`operation:${operationId}`, 'operation', pointer, readLifecycle(operation, pointer), readChanges(operation, pointer))
      within = `operation:${operationId}`
      const parameters = [...(Array.isArray(item['parameters']) ? item['parameters'] : []), ...(Array.isArray(operation['parameters']) ? operation['parameters'] : [])]
      for (const [index, use] of parameters.entries()) {
        const parameter = resolve(use)
        if (!isObject(parameter)) continue
        const where = sourceOf(use, `${pointer}/parameters/${index}`)
        const id = `${operationId}.${String(parameter['name'])}`
        add(`parameter:${id}`, 'parameter', where, { ...readLifecycle(parameter, where), ...readLifecycle(use, where) }, readChanges(resolve(parameter['schema']), `${where}/schema`))
        addValues(id, parameter['schema'], `${where}/schema`)
      }
      const body = resolve(operation['requestBody'])
      const content = isObject(body) && isObject(body['content']) ? Object.values(body['content']) : []
      const bodySchema = isObject(content[0]) ? resolve(content[0]['schema']) : undefined
      if (isObject(bodySchema)) {
        requestSchemas.add(bodySchema)
        const properties = isObject(bodySchema['properties']) ? bodySchema['properties'] : {}
        for (const [name, property] of Object.entries(properties)) {
          const where = `${pointer}/requestBody/properties/${name}`
          add(`parameter:${operationId}.${name}`, 'parameter', where, readLifecycle(property, where), readChanges(property, where))
          addValues(`${operationId}.${name}`, property, where)
        }
      }
      const responses = isObject(operation['responses']) ? operation['responses'] : {}
      for (const [status, use] of Object.entries(responses)) {
        const response = resolve(use)
        const where = sourceOf(use, `${pointer}/responses/${status}`)
        add(`status:${operationId}.${status}`, 'status', where, { ...readLifecycle(response, where), ...readLifecycle(use, where) }, [...readChanges(use, where), ...readChanges(response, where)])
        const headers = isObject(response) && isObject(response['headers']) ? response['headers'] : {}
        for (const [name, header] of Object.entries(headers)) {
          add(`header:${operationId}.${status}.${name}`, 'header', `${where}/headers/${name}`, readLifecycle(resolve(header), `${where}/headers/${name}`))
        }
      }
    }
  }

  within = undefined
  const components = isObject(document['components']) ? document['components'] : {}
  const schemas = isObject(components['schemas']) ? components['schemas'] : {}
  const walkSchema = (name: string, schema: unknown, pointer: string): void => {
    if (!isObject(schema)) return
    addValues(name, schema, pointer)
    const properties = isObject(schema['properties']) ? schema['properties'] : {}
    const removed = isObject(schema['x-gitlab-removed-properties']) ? schema['x-gitlab-removed-properties'] : {}
    for (const [key, [property, where]] of Object.entries({
      ...Object.fromEntries(Object.entries(removed).map(([property, value]) => [property, [value, `${pointer}/x-gitlab-removed-properties/${property}`] as const])),
      ...Object.fromEntries(Object.entries(properties).map(([property, value]) => [property, [value, `${pointer}/properties/${property}`] as const])),
    })) {
      const id = `${name}.${key}`
      add(`property:${id}`, 'property', where, readLifecycle(property, where), readChanges(property, where))
      if (isObject(property) && property['$ref'] === undefined) walkSchema(id, property, where)
      if (isObject(property) && isObject(property['items']) && property['items']['$ref'] === undefined) walkSchema(id, property['items'], `${where}/items`)
    }
  }
  for (const [name, schema] of Object.entries(schemas)) {
    const pointer = encodePointer(['components', 'schemas', name])
    add(`schema:${name}`, 'schema', pointer, readLifecycle(schema, pointer), readChanges(schema, pointer))
    // A request body's properties are the operation's parameters, catalogued above.
    if (!requestSchemas.has(schema)) walkSchema(name, schema, pointer)
  }

  const behaviours = isObject(document['x-gitlab-behaviours']) ? document['x-gitlab-behaviours'] : {}
  for (const [name, behaviour] of Object.entries(behaviours)) {
    const pointer = encodePointer(['x-gitlab-behaviours', name])
    const steps = isObject(behaviour) && Array.isArray(behaviour['values']) ? behaviour['values'] : []
    const changes = steps.flatMap((step: unknown, index): Change[] =>
      isObject(step) && step['since'] !== undefined
        ? [{ moment: readMoment(step['since'], `${pointer}/values/${index}/since`), description: `${name} becomes ${JSON.stringify(step['value'])}` }]
        : [],
    )
    add(`behaviour:${name}`, 'behaviour', pointer, {}, changes)
  }
  return entries
}
