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

interface Route {
  operation: Operation
  segments: string[]
  /** Static segments before template segments: `/runners/all` beats `/runners/{id}`. */
  rank: number[]
}

const routeTables = new WeakMap<ReadonlyMap<string, Operation>, Route[]>()

function routesOf(operations: ReadonlyMap<string, Operation>): Route[] {
  let routes = routeTables.get(operations)
  if (routes === undefined) {
    routes = [...operations.values()].map((operation) => {
      const segments = operation.path.split('/').slice(1)
      return { operation, segments, rank: segments.map((segment) => (isTemplate(segment) ? 1 : 0)) }
    })
    routeTables.set(operations, routes)
  }
  return routes
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
  const wanted = method.toLowerCase()
  let path = requestPath.split('?')[0]!.split('#')[0]!
  if (contract.basePath !== '' && (path === contract.basePath || path.startsWith(contract.basePath + '/'))) path = path.slice(contract.basePath.length)
  // Split before decoding: a `%2F` inside a project path stays one segment.
  const segments = path.split('/').slice(1)
  let best: { route: Route; params: Record<string, string> } | undefined
  for (const route of routesOf(contract.operations)) {
    if (route.operation.method !== wanted || route.segments.length !== segments.length) continue
    const params = matchSegments(route.segments, segments)
    if (params === undefined) continue
    if (best === undefined || compareRank(route.rank, best.route.rank) < 0) best = { route, params }
  }
  return best && { operation: best.route.operation, pathParams: best.params }
}

function matchSegments(template: string[], actual: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {}
  for (const [index, part] of template.entries()) {
    const value = actual[index]!
    if (isTemplate(part)) {
      if (value === '') return undefined
      const decoded = decodeSegment(value)
      if (decoded === undefined) return undefined
      params[part.slice(1, -1)] = decoded
    } else if (part !== value) return undefined
  }
  return params
}

function decodeSegment(value: string): string | undefined {
  try {
    return decodeURIComponent(value)
  } catch {
    // A malformed escape (`%zz`) names no resource; treat it as no match rather than a crash.
    return undefined
  }
}

function compareRank(a: number[], b: number[]): number {
  for (const [index, value] of a.entries()) {
    const other = b[index] ?? 0
    if (value !== other) return value - other
  }
  return 0
}

/** The operation with this operationId; throws for an unknown id, which is a programming error. */
export function getOperation(contract: { operations: ReadonlyMap<string, Operation> }, operationId: string): Operation {
  const operation = contract.operations.get(operationId)
  if (operation === undefined) throw new Error(`the contract has no operation '${operationId}'`)
  return operation
}
