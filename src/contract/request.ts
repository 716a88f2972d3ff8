// Validates one request of an operation the way GitLab's Grape does: query, body and path merged
// into one parameter set, undeclared parameters dropped, values coerced (reference §1.7), then
// checked, with failures worded as Grape words them (reference §1.6).
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js'
import type { Operation, Schema } from './operations.js'
import { isObject } from './pointer.js'
import type { Violation } from './violation.js'
import { prebuiltValidators } from '../generated/validators.js'

export interface RawRequest {
  /** Path parameters, already percent-decoded (findOperation gives them so). */
  path: Record<string, string>
  query: Record<string, string | string[]>
  /** A JSON object, or a form whose values are strings or string arrays. */
  body: Record<string, unknown> | undefined
}

export type RequestResult =
  | { ok: true; params: Record<string, unknown> }
  | { ok: false; error: string; violations: Violation[] }

interface Declared {
  name: string
  schema: Schema
  in: 'path' | 'query' | 'body'
}

interface CompiledRequest {
  /** In declaration order: path, then query, then body properties. Grape reports in this order. */
  declared: Declared[]
  /** The path and query parameters among them. */
  parameters: Declared[]
  /** The body properties among them. */
  bodyDeclared: Declared[]
  validateParameters: ValidateFunction
  validateBody: ValidateFunction | undefined
  /** The body schema names no properties: every body key is a parameter. */
  openBody: boolean
  mutuallyExclusive: string[][]
  atLeastOneOf: string[][]
}

const compiled = new WeakMap<Operation, CompiledRequest>()
/** The ajv each operation compiles with (made when first needed), on its first request: start-up compiles nothing. */
const compilers = new WeakMap<Operation, () => Ajv2020>()

/** Ties the operation to the ajv its request validators compile with, on first use. */
export function compileRequestValidators(ajv: () => Ajv2020, operation: Operation): void {
  compilers.set(operation, ajv)
}

function compiledFor(operation: Operation): CompiledRequest | undefined {
  const done = compiled.get(operation)
  if (done !== undefined) return done
  const ajv = compilers.get(operation)
  return ajv === undefined ? undefined : compileNow(ajv, operation)
}

/**
 * The schemas an operation's request is validated against: its path and query parameters as one
 * object, and its body. Exported for the build-time validators (scripts/generate-validators.js),
 * which must compile exactly these.
 */
export function requestSchemas(
  operation: Operation, parameters = pathAndQueryParameters(operation),
): { parameters: Record<string, unknown>; body: Schema | undefined } {
  return {
    parameters: {
      type: 'object',
      properties: Object.fromEntries(parameters.map((parameter) => [parameter.name, parameter.schema])),
      required: parameters.filter((parameter) => parameter.required).map((parameter) => parameter.name),
    },
    body: operation.requestBody?.schema,
  }
}

/** The operation's path and query parameters, in declaration order: the ones a request validates as one object. */
function pathAndQueryParameters(operation: Operation): Operation['parameters'] {
  return operation.parameters.filter((parameter) => parameter.in === 'path' || parameter.in === 'query')
}

function compileNow(ajv: () => Ajv2020, operation: Operation): CompiledRequest {
  const parameters = pathAndQueryParameters(operation)
  const declared: Declared[] = parameters.map((parameter) => ({ name: parameter.name, schema: parameter.schema, in: parameter.in as 'path' | 'query' }))
  const schemas = requestSchemas(operation, parameters)
  const bodySchema = schemas.body
  const bodyProperties = bodySchema === undefined ? {} : propertiesOf(bodySchema)
  for (const [name, schema] of Object.entries(bodyProperties)) {
    if (!declared.some((parameter) => parameter.name === name)) declared.push({ name, schema, in: 'body' })
  }
  const rules = [operation.gitlab, isObject(bodySchema) ? bodySchema : {}]
  const request: CompiledRequest = {
    declared,
    parameters: declared.filter((parameter) => parameter.in !== 'body'),
    bodyDeclared: declared.filter((parameter) => parameter.in === 'body'),
    validateParameters: validatorFor(ajv, schemas.parameters),
    validateBody: bodySchema === undefined ? undefined : validatorFor(ajv, bodySchema),
    openBody: bodySchema !== undefined && Object.keys(bodyProperties).length === 0,
    mutuallyExclusive: rules.flatMap((node) => nameGroups(node['x-gitlab-mutually-exclusive'])),
    atLeastOneOf: rules.flatMap((node) => nameGroups(node['x-gitlab-at-least-one-of'])),
  }
  compiled.set(operation, request)
  return request
}

/**
 * The validator of `schema`: the one compiled at build time for the same schema text when there is
 * one (src/generated/validators.ts: the shipped contract's newest release, ~5 ms of ajv
 * code generation on a first request), compiled by ajv otherwise.
 */
function validatorFor(ajv: () => Ajv2020, schema: Schema): ValidateFunction {
  return prebuiltValidators.get(JSON.stringify(schema)) ?? ajv().compile(schema)
}

/** `[a, b]` is one group, `[[a, b], [c, d]]` several. */
function nameGroups(value: unknown): string[][] {
  if (!Array.isArray(value) || value.length === 0) return []
  if (value.every((item) => typeof item === 'string')) return [value]
  return value.filter((group): group is string[] => Array.isArray(group) && group.every((item) => typeof item === 'string'))
}

export function validateRequest(operation: Operation, raw: RawRequest): RequestResult {
  const request = compiledFor(operation)
  if (request === undefined) throw new Error(`operation ${operation.operationId} was not compiled by loadContract`)
  // Grape's precedence: the body overrides the query, the route's own path parameters override both.
  const merged = nestBrackets({ ...raw.query, ...raw.body, ...raw.path })
  const given: Record<string, unknown> = {}
  for (const { name, schema } of request.declared) {
    if (!Object.hasOwn(merged, name)) continue
    const value = coerce(name, merged[name], schema)
    // An optional value GitLab cannot read (null, or '' for a number) counts as not given.
    if (value !== undefined && !(value === null && !allowsNull(schema))) given[name] = value
  }
  if (request.openBody && raw.body !== undefined) {
    for (const [name, value] of Object.entries(raw.body)) if (!Object.hasOwn(given, name)) given[name] = value
  }

  const errors = validate(request.validateParameters, pick(given, request.parameters))
  if (request.validateBody) errors.push(...validate(request.validateBody, request.openBody ? given : pick(given, request.bodyDeclared)))
  const violations = errors.length === 0 ? [] : grapeViolations(operation, request.declared, errors)
  for (const group of request.mutuallyExclusive) {
    const present = group.filter((name) => Object.hasOwn(given, name))
    if (present.length > 1) violations.push(ruleViolation(operation, present, 'are mutually exclusive', 'x-gitlab-mutually-exclusive'))
  }
  for (const group of request.atLeastOneOf) {
    if (!group.some((name) => Object.hasOwn(given, name))) {
      violations.push(ruleViolation(operation, group, 'are missing, at least one parameter must be provided', 'x-gitlab-at-least-one-of'))
    }
  }
  if (violations.length > 0) return { ok: false, error: violations.map((violation) => violation.message).join(', '), violations }

  for (const { name, schema } of request.declared) {
    if (Object.hasOwn(given, name) || !isObject(schema)) continue
    const fallback = schema['default']
    // A default object or list is the handler's to change: each request gets its own copy.
    if (fallback !== undefined) given[name] = typeof fallback === 'object' && fallback !== null ? structuredClone(fallback) : fallback
  }
  return { ok: true, params: given }
}

function validate(check: ValidateFunction, data: Record<string, unknown>): ErrorObject[] {
  return check(data) ? [] : [...(check.errors ?? [])]
}

function pick(values: Record<string, unknown>, declared: Declared[]): Record<string, unknown> {
  const picked: Record<string, unknown> = {}
  for (const { name } of declared) if (Object.hasOwn(values, name)) picked[name] = values[name]
  return picked
}

function ruleViolation(operation: Operation, names: string[], text: string, keyword: string): Violation {
  return { operationId: operation.operationId, status: 400, where: 'parameter', instancePath: '', keyword, message: `${names.join(', ')} ${text}`, expected: names }
}

/** Form keys `info[name]=x` become `{ info: { name: 'x' } }`, as Rack nests them. */
function nestBrackets(flat: Record<string, unknown>): Record<string, unknown> {
  // Most requests name no `key[child]` at all: then the merged copy is the answer as it is.
  let bracketKeys = false
  for (const key in flat) {
    if (key.includes('[')) {
      bracketKeys = true
      break
    }
  }
  if (!bracketKeys) return flat
  const nested: Record<string, unknown> = {}
  const bracketed: [string, string, unknown][] = []
  for (const [key, value] of Object.entries(flat)) {
    const match = key.includes('[') ? /^([^[\]]+)\[([^[\]]+)\]$/.exec(key) : null
    if (match === null) nested[key] = value
    else bracketed.push([match[1]!, match[2]!, value])
  }
  for (const [parent, child, value] of bracketed) {
    const existing = nested[parent]
    nested[parent] = { ...(isObject(existing) ? existing : {}), [child]: value }
  }
  return nested
}

// Grape's Boolean takes these spellings (dry-types Params::Bool), case-insensitively here.
const trueWords = new Set(['true', 't', '1', 'yes', 'y', 'on'])
const falseWords = new Set(['false', 'f', '0', 'no', 'n', 'off'])

function coerce(name: string, value: unknown, schema: Schema): unknown {
  const types = typesOf(schema)
  if (types === undefined) return value
  if (isTagList(name, types)) return tagList(value)
  if (Array.isArray(value)) {
    // Rack keeps the last of repeated scalar keys (`status=a&status=b`).
    if (!types.has('array')) return value.length === 0 ? undefined : coerce(name, value.at(-1), schema)
    const items = itemsOf(schema)
    return items === undefined ? value : value.map((item) => coerce(name, item, items))
  }
  if (isObject(value)) {
    if (!types.has('object')) return value
    const properties = propertiesOf(schema)
    if (Object.keys(properties).length === 0) return value
    // Undeclared nested keys are ignored like undeclared top-level ones.
    return Object.fromEntries(Object.entries(properties).filter(([key]) => Object.hasOwn(value, key)).map(([key, child]) => [key, coerce(key, value[key], child)]))
  }
  if (typeof value === 'string') {
    if (types.has('integer') && /^[-+]?\d+$/.test(value.trim())) return Number(value)
    if (types.has('number') && /^[-+]?\d+(\.\d+)?$/.test(value.trim())) return Number(value)
    if (types.has('boolean') && trueWords.has(value.toLowerCase())) return true
    if (types.has('boolean') && falseWords.has(value.toLowerCase())) return false
    if (value === '' && !types.has('string')) return undefined
    return value
  }
  if ((typeof value === 'number' || typeof value === 'boolean') && types.has('string') && !types.has(typeof value === 'number' ? (Number.isInteger(value) ? 'integer' : 'number') : 'boolean')) {
    if (typeof value === 'number' && (types.has('number') || types.has('integer'))) return value
    return String(value)
  }
  if (typeof value === 'number' && types.has('boolean') && !types.has('integer') && !types.has('number') && (value === 0 || value === 1)) return value === 1
  return value
}

/** A list given as a comma-separated string or as an array of such strings (reference §1.7). */
function isTagList(name: string, types: Set<string>): boolean {
  return name === 'tag_list' || (types.has('string') && types.has('array'))
}

function tagList(value: unknown): string[] {
  const pieces = (Array.isArray(value) ? value : [value])
    .filter((item) => item !== null && item !== undefined)
    .flatMap((item) => String(item).split(','))
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '')
  return [...new Set(pieces)]
}

const jsonTypes = ['string', 'integer', 'number', 'boolean', 'array', 'object', 'null']

/** The JSON types a schema admits, looking through oneOf/anyOf; undefined when it says nothing. */
// Schemas never change once loaded: their types are worked out once, not per request.
const typesCache = new WeakMap<object, Set<string> | undefined>()

function typesOf(schema: Schema): Set<string> | undefined {
  if (typeof schema === 'boolean') return undefined
  if (typesCache.has(schema)) return typesCache.get(schema)
  const types = typesFrom(schema)
  typesCache.set(schema, types)
  return types
}

function typesFrom(schema: Record<string, unknown>): Set<string> | undefined {
  const types = new Set<string>()
  const type = schema['type']
  if (typeof type === 'string') types.add(type)
  if (Array.isArray(type)) for (const item of type) types.add(String(item))
  const values = schema['enum'] ?? (Object.hasOwn(schema, 'const') ? [schema['const']] : undefined)
  if (type === undefined && Array.isArray(values)) {
    for (const item of values) types.add(item === null ? 'null' : Array.isArray(item) ? 'array' : Number.isInteger(item) ? 'integer' : typeof item)
  }
  for (const branch of branchesOf(schema)) {
    const inner = typesOf(branch)
    if (inner === undefined) return undefined
    for (const item of inner) types.add(item)
  }
  if (types.has('integer') || types.has('number')) types.add(types.has('number') ? 'number' : 'integer')
  return types.size === 0 || [...types].every((item) => !jsonTypes.includes(item)) ? undefined : types
}

function branchesOf(schema: Record<string, unknown>): Schema[] {
  return ['oneOf', 'anyOf', 'allOf'].flatMap((keyword) => (Array.isArray(schema[keyword]) ? (schema[keyword] as Schema[]) : []))
}

function itemsOf(schema: Schema): Schema | undefined {
  if (typeof schema === 'boolean') return undefined
  const items = schema['items']
  if (typeof items === 'boolean' || isObject(items)) return items
  for (const branch of branchesOf(schema)) {
    const found = itemsOf(branch)
    if (found !== undefined) return found
  }
  return undefined
}

function propertiesOf(schema: Schema): Record<string, Schema> {
  if (typeof schema === 'boolean') return {}
  const own = isObject(schema['properties']) ? (schema['properties'] as Record<string, Schema>) : {}
  return Object.assign({}, ...branchesOf(schema).map(propertiesOf), own) as Record<string, Schema>
}

function allowsNull(schema: Schema): boolean {
  return typesOf(schema)?.has('null') ?? true
}

type Verdict = 'missing' | 'invalid-type' | 'not-valid-value' | 'not-allowed' | 'invalid'

const verdictText: Record<Verdict, string> = {
  missing: 'is missing',
  'invalid-type': 'is invalid',
  'not-valid-value': 'does not have a valid value',
  'not-allowed': 'has a value not allowed',
  invalid: 'is invalid',
}

// Grape checks presence, then coercion, then allowed values, then excepted values.
const verdictOrder: Verdict[] = ['missing', 'invalid-type', 'not-valid-value', 'not-allowed', 'invalid']

const valueKeywords = new Set(['enum', 'const', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'])

function verdictOf(error: ErrorObject): Verdict {
  if (error.keyword === 'required') return 'missing'
  if (error.keyword === 'type') return 'invalid-type'
  if (valueKeywords.has(error.keyword)) return 'not-valid-value'
  if (error.keyword === 'not') return 'not-allowed'
  return 'invalid'
}

/** `/info/name` is Grape's `info[name]`; array positions belong to their list. */
function grapeName(error: ErrorObject): { top: string; name: string; pointer: string } {
  const segments = error.instancePath.split('/').slice(1).map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
  if (error.keyword === 'required') segments.push(String(error.params['missingProperty']))
  const named: string[] = []
  for (const segment of segments) {
    if (/^\d+$/.test(segment) && named.length > 0) break
    named.push(segment)
  }
  const [top = '', ...rest] = named
  return { top, name: top + rest.map((segment) => `[${segment}]`).join(''), pointer: '/' + segments.map((segment) => segment.replaceAll('~', '~0').replaceAll('/', '~1')).join('/') }
}

function grapeViolations(operation: Operation, declared: Declared[], errors: ErrorObject[]): Violation[] {
  // Errors inside a oneOf/anyOf branch whose type did not even match say nothing about the value.
  const failedBranches = errors.filter((error) => error.keyword === 'type' && /\/(oneOf|anyOf)\/\d+\/type$/.test(error.schemaPath)).map((error) => error.schemaPath.slice(0, -'type'.length))
  // An `if` error only says its `then` failed; the `then` error names the parameter.
  const relevant = errors.filter((error) => error.keyword !== 'if' && !failedBranches.some((prefix) => error.schemaPath.startsWith(prefix)))
  const byName = new Map<string, { top: string; pointer: string; errors: ErrorObject[] }>()
  for (const error of relevant) {
    const { top, name, pointer } = grapeName(error)
    const entry = byName.get(name) ?? { top, pointer, errors: [] }
    entry.errors.push(error)
    byName.set(name, entry)
  }
  const order = (top: string): number => {
    const index = declared.findIndex((parameter) => parameter.name === top)
    return index === -1 ? declared.length : index
  }
  return [...byName.entries()]
    .sort(([, a], [, b]) => order(a.top) - order(b.top))
    .map(([name, { pointer, errors: mine }]) => {
      // A failed oneOf/anyOf only speaks when none of its branches has a more precise complaint.
      const precise = mine.filter((error) => error.keyword !== 'oneOf' && error.keyword !== 'anyOf')
      const candidates = precise.length > 0 ? precise : mine
      const error = candidates.reduce((best, candidate) => (verdictOrder.indexOf(verdictOf(candidate)) < verdictOrder.indexOf(verdictOf(best)) ? candidate : best))
      const violation: Violation = {
        operationId: operation.operationId,
        status: 400,
        where: 'parameter',
        instancePath: pointer,
        keyword: error.keyword,
        message: `${name} ${verdictText[verdictOf(error)]}`,
        schemaPath: error.schemaPath,
        params: error.params,
      }
      if (error.keyword !== 'required') violation.actual = error.data
      return violation
    })
}
