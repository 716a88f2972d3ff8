// The operations of the contract as records, and the lookup from an HTTP method and a request path
// (`/api/v4/runners/all`) to the operation that serves it. Knows nothing of validation.
import { isObject } from './pointer.js'

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace'
export const httpMethods: readonly HttpMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']

/** A JSON Schema (2020-12) as the contract writes it, with $refs inlined. */
export type Schema = Record<string, unknown> | boolean

/** The `x-gitlab-*` entries written on an operation, parameter or schema, keyed as written. */
export type GitlabFacts = Record<string, unknown>

export type SecurityRequirement = Record<string, string[]>

export interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required: boolean
  deprecated: boolean
  schema: Schema
  gitlab: GitlabFacts
}

export interface RequestBody {
  required: boolean
  /** Schema per media type, e.g. `application/json`. */
  content: Record<string, Schema | undefined>
  /** The `application/json` schema (or the first one): the parameters a body may carry. */
  schema: Schema | undefined
}

export interface ResponseHeader {
  required: boolean
  schema: Schema | undefined
}

export interface ResponseSpec {
  /** The key as written: `200`, `4XX` or `default`. */
  status: string
  description: string
  headers: Record<string, ResponseHeader>
  content: Record<string, Schema | undefined>
  gitlab: GitlabFacts
}

export interface Operation {
  operationId: string
  method: HttpMethod
  /** The path template as written, without the server base: `/runners/{id}`. */
  path: string
  /** Where the operation is written: `#/paths/~1runners~1{id}/get`. */
  pointer: string
  summary: string | undefined
  tags: string[]
  deprecated: boolean
  /** Path-item and operation parameters merged (the operation's win), in declaration order. */
  parameters: Parameter[]
  requestBody: RequestBody | undefined
  responses: Record<string, ResponseSpec>
  /** The operation's own security, else the document's. `[]` means no user credentials. */
  security: SecurityRequirement[]
  gitlab: GitlabFacts
}

export interface OperationMatch {
  operation: Operation
  /** Path parameters, percent-decoded: `/projects/group%2Fproject/runners` gives `{ id: 'group/project' }`. */
  pathParams: Record<string, string>
}

export function gitlabFacts(node: unknown): GitlabFacts {
  if (!isObject(node)) return {}
  return Object.fromEntries(Object.entries(node).filter(([key]) => key.startsWith('x-gitlab-')))
}

/**
 * Which token scopes open an operation: `x-gitlab-token-scopes` (`api` alone when it says nothing;
 * an `api` token opens everything), and `x-gitlab-token-authenticates`, the scopes without one of
 * which GitLab refuses the token at authentication (401) rather than at the scope check (403).
 */
export interface TokenScopeRule {
  opening: string[]
  authenticating: string[] | undefined
}

const tokenScopeRules = new WeakMap<Operation, TokenScopeRule>()

export function tokenScopesOf(operation: Operation): TokenScopeRule {
  let rule = tokenScopeRules.get(operation)
  if (rule === undefined) {
    const names = (value: unknown): string[] | undefined => (Array.isArray(value) ? value.map(String) : undefined)
    rule = {
      opening: names(operation.gitlab['x-gitlab-token-scopes']) ?? ['api'],
      authenticating: names(operation.gitlab['x-gitlab-token-authenticates']),
    }
    tokenScopeRules.set(operation, rule)
  }
  return rule
}

/** Builds the records from a dereferenced document that load.ts has already checked. */
export function buildOperations(document: Record<string, unknown>): Map<string, Operation> {
  const operations = new Map<string, Operation>()
  const rootSecurity = asSecurity(document['security'])
  for (const [path, item] of Object.entries(asObject(document['paths']))) {
    const pathItem = asObject(item)
    for (const method of httpMethods) {
      const raw = pathItem[method]
      if (!isObject(raw)) continue
      const operationId = String(raw['operationId'])
      operations.set(operationId, {
        operationId,
        method,
        path,
        pointer: `#/paths/${path.replaceAll('~', '~0').replaceAll('/', '~1')}/${method}`,
        summary: typeof raw['summary'] === 'string' ? raw['summary'] : undefined,
        tags: Array.isArray(raw['tags']) ? raw['tags'].map(String) : [],
        deprecated: raw['deprecated'] === true,
        parameters: mergeParameters(pathItem['parameters'], raw['parameters']),
        requestBody: buildRequestBody(raw['requestBody']),
        responses: Object.fromEntries(Object.entries(asObject(raw['responses'])).map(([status, response]) => [status, buildResponse(status, response)])),
        security: raw['security'] === undefined ? rootSecurity : asSecurity(raw['security']),
        gitlab: gitlabFacts(raw),
      })
    }
  }
  return operations
}

function mergeParameters(pathLevel: unknown, operationLevel: unknown): Parameter[] {
  const byKey = new Map<string, Parameter>()
  for (const list of [pathLevel, operationLevel]) {
    for (const raw of Array.isArray(list) ? list : []) {
      const parameter = buildParameter(asObject(raw))
      byKey.set(`${parameter.in}:${parameter.name}`, parameter)
    }
  }
  return [...byKey.values()]
}

function buildParameter(raw: Record<string, unknown>): Parameter {
  const location = raw['in'] as Parameter['in']
  return {
    name: String(raw['name']),
    in: location,
    required: location === 'path' || raw['required'] === true,
    deprecated: raw['deprecated'] === true,
    schema: asSchema(raw['schema']) ?? true,
    gitlab: gitlabFacts(raw),
  }
}

function buildRequestBody(raw: unknown): RequestBody | undefined {
  if (!isObject(raw)) return undefined
  const content = contentSchemas(raw['content'])
  const schema = content['application/json'] ?? Object.values(content)[0]
  return { required: raw['required'] === true, content, schema }
}

function buildResponse(status: string, raw: unknown): ResponseSpec {
  const response = asObject(raw)
  const headers: Record<string, ResponseHeader> = {}
  for (const [name, header] of Object.entries(asObject(response['headers']))) {
    const spec = asObject(header)
    headers[name] = { required: spec['required'] === true, schema: asSchema(spec['schema']) }
  }
  return {
    status,
    description: typeof response['description'] === 'string' ? response['description'] : '',
    headers,
    content: contentSchemas(response['content']),
    gitlab: gitlabFacts(response),
  }
}

function contentSchemas(raw: unknown): Record<string, Schema | undefined> {
  return Object.fromEntries(Object.entries(asObject(raw)).map(([mediaType, media]) => [mediaType, asSchema(asObject(media)['schema'])]))
}

function asSchema(value: unknown): Schema | undefined {
  return typeof value === 'boolean' || isObject(value) ? value : undefined
}

function asObject(value: unknown): Record<string, unknown> {
  return isObject(value) ? value : {}
}

function asSecurity(value: unknown): SecurityRequirement[] {
  if (!Array.isArray(value)) return []
  return value.filter(isObject).map((requirement) =>
    Object.fromEntries(Object.entries(requirement).map(([name, scopes]) => [name, Array.isArray(scopes) ? scopes.map(String) : []])),
  )
}

// The lookup, built once per set of operations: per method, a map of the fully static paths and a
// segment tree for the templated ones, walked without splitting the path or building regexes.
interface Dispatch {
  /** Path (as requested, not decoded) → operation, for paths without templates. */
  staticPaths: Map<string, Operation>
  templated: DispatchNode
}

interface DispatchNode {
  /** Children by the segment as written (compared undecoded). */
  literal: Map<string, DispatchNode> | undefined
  /** The child for a `{name}` segment: any non-empty segment that decodes. */
  template: DispatchNode | undefined
  /** An operation ends here, with the names of the templates on its way, in order. */
  end: { operation: Operation; names: string[] } | undefined
}

const dispatchTables = new WeakMap<ReadonlyMap<string, Operation>, Map<string, Dispatch>>()

function dispatchOf(operations: ReadonlyMap<string, Operation>): Map<string, Dispatch> {
  let tables = dispatchTables.get(operations)
  if (tables === undefined) {
    tables = new Map()
    for (const operation of operations.values()) {
      let table = tables.get(operation.method)
      if (table === undefined) {
        table = { staticPaths: new Map(), templated: newNode() }
        tables.set(operation.method, table)
        // Callers pass `GET` as often as `get`: both spellings find the table without lower-casing.
        tables.set(operation.method.toUpperCase(), table)
      }
      addRoute(table, operation)
    }
    dispatchTables.set(operations, tables)
  }
  return tables
}

function newNode(): DispatchNode {
  return { literal: undefined, template: undefined, end: undefined }
}

function addRoute(table: Dispatch, operation: Operation): void {
  const segments = operation.path.split('/').slice(1)
  if (!segments.some(isTemplate)) {
    table.staticPaths.set(operation.path, operation)
    return
  }
  let node = table.templated
  const names: string[] = []
  for (const segment of segments) {
    if (isTemplate(segment)) {
      names.push(segment.slice(1, -1))
      node = node.template ??= newNode()
    } else {
      node.literal ??= new Map()
      let child = node.literal.get(segment)
      if (child === undefined) node.literal.set(segment, (child = newNode()))
      node = child
    }
  }
  node.end = { operation, names }
}

function isTemplate(segment: string): boolean {
  return segment.startsWith('{') && segment.endsWith('}')
}

/**
 * The operation serving `method` on `requestPath`. The path may carry the server base
 * (`/api/v4`) and a query string; both are ignored. Undefined when nothing matches, including a
 * known path with the wrong method (GitLab answers both with 404).
 */
export function findOperation(contract: { basePath: string; operations: ReadonlyMap<string, Operation> }, method: string, requestPath: string): OperationMatch | undefined {
  let path = requestPath
  const query = path.indexOf('?')
  if (query !== -1) path = path.slice(0, query)
  const fragment = path.indexOf('#')
  if (fragment !== -1) path = path.slice(0, fragment)
  const base = contract.basePath
  if (base !== '' && path.startsWith(base) && (path.length === base.length || path.charCodeAt(base.length) === SLASH)) path = path.slice(base.length)
  return dispatch(contract.operations, method, path)
}

const SLASH = 0x2f

/** findOperation for a path already without base, query and fragment: the server's hot path. */
export function dispatch(operations: ReadonlyMap<string, Operation>, method: string, path: string): OperationMatch | undefined {
  const tables = dispatchOf(operations)
  const table = tables.get(method) ?? tables.get(method.toLowerCase())
  if (table === undefined) return undefined
  // Segments start after the first slash: anything before it names no segment.
  if (path.charCodeAt(0) !== SLASH) {
    const first = path.indexOf('/')
    if (first === -1) return undefined
    path = path.slice(first)
  }
  const operation = table.staticPaths.get(path)
  // Static paths outrank every templated one: nothing matching them can beat them.
  if (operation !== undefined) return { operation, pathParams: {} }
  const values: string[] = []
  const end = walk(table.templated, path, 1, values)
  if (end === undefined) return undefined
  const pathParams: Record<string, string> = {}
  for (let i = 0; i < end.names.length; i++) pathParams[end.names[i]!] = values[i]!
  return { operation: end.operation, pathParams }
}

/**
 * Depth first, literal segments before templates: the first route found has static segments before
 * template ones, so `/runners/all` beats `/runners/{id}`. Split before decoding: a `%2F` inside a
 * project path stays one segment.
 */
function walk(node: DispatchNode, path: string, start: number, values: string[]): DispatchNode['end'] {
  if (start > path.length) return node.end
  const slash = path.indexOf('/', start)
  const stop = slash === -1 ? path.length : slash
  const segment = path.slice(start, stop)
  const next = stop + 1
  const literal = node.literal?.get(segment)
  if (literal !== undefined) {
    const found = walk(literal, path, next, values)
    if (found !== undefined) return found
  }
  if (node.template !== undefined && segment !== '') {
    const decoded = decodeSegment(segment)
    if (decoded !== undefined) {
      values.push(decoded)
      const found = walk(node.template, path, next, values)
      if (found !== undefined) return found
      values.pop()
    }
  }
  return undefined
}

function decodeSegment(value: string): string | undefined {
  if (!value.includes('%')) return value
  try {
    return decodeURIComponent(value)
  } catch {
    // A malformed escape (`%zz`) names no resource; treat it as no match rather than a crash.
    return undefined
  }
}

/** The operation with this operationId; throws for an unknown id, which is a programming error. */
export function getOperation(contract: { operations: ReadonlyMap<string, Operation> }, operationId: string): Operation {
  const operation = contract.operations.get(operationId)
  if (operation === undefined) throw new Error(`the contract has no operation '${operationId}'`)
  return operation
}
