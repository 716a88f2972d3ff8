// Checks one response of an operation against the contract: documented status, content type,
// declared headers, body schema. An operation's validators are compiled on its first check.
// The mock's self-check (validateReply) may skip walking a body its serializer built as the very
// entity the response documents: tests prove those bodies against every release's schemas.
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js'
import type { GitlabFacts, Operation, ResponseSpec, Schema } from './operations.js'
import { gitlabFacts } from './operations.js'
import { decodePointer, isObject, valueAt } from './pointer.js'
import type { Violation } from './violation.js'
import { prebuiltValidators } from '../generated/validators.js'

interface CompiledHeader {
  name: string
  lower: string
  required: boolean
  validate: ValidateFunction | undefined
  /**
   * Values this header was checked with and passed. Whether a value passes depends on nothing else, and
   * the same few (page numbers, a list's Link) come back request after request; a value not seen yet is
   * checked in full. Bounded: forgotten all at once when full.
   */
  passed: Set<string>
}

/** How many passing values a header remembers. */
const PASSED_VALUES = 256

interface CompiledResponse {
  spec: ResponseSpec
  /** Media type as written (lower case) → validator; undefined when the media type has no schema. */
  bodies: Map<string, ValidateFunction | undefined>
  headers: CompiledHeader[]
  /** Media type (lower case) → the entity its schema names (`Runner[]`, `RunnerDetails`), found on first ask. */
  shapes: Map<string, string | undefined>
  /** Content-Type header as sent → the declared media type it matches, found on first sight. */
  matches: Map<string, string | undefined>
}

const compiled = new WeakMap<Operation, Map<string, CompiledResponse>>()
/** The ajv each operation compiles with, on its first check: start-up compiles nothing. */
const compilers = new WeakMap<Operation, () => Ajv2020>()

/** Ties the operation to the ajv its response validators compile with (made when first needed), on first use. */
export function compileResponseValidators(ajv: () => Ajv2020, operation: Operation): void {
  compilers.set(operation, ajv)
}

function compiledFor(operation: Operation): Map<string, CompiledResponse> | undefined {
  const done = compiled.get(operation)
  if (done !== undefined) return done
  const ajv = compilers.get(operation)
  return ajv === undefined ? undefined : compileNow(ajv, operation)
}

function compileNow(ajv: () => Ajv2020, operation: Operation): Map<string, CompiledResponse> {
  const byStatus = new Map<string, CompiledResponse>()
  for (const [status, spec] of Object.entries(operation.responses)) {
    byStatus.set(status, {
      spec,
      bodies: new Map(Object.entries(spec.content).map(([mediaType, schema]) => [mediaType.toLowerCase(), schema === undefined ? undefined : compileOnUse(ajv, schema)])),
      headers: Object.entries(spec.headers)
        // OpenAPI: a Content-Type response header definition is ignored.
        .filter(([name]) => name.toLowerCase() !== 'content-type')
        .map(([name, header]) => ({
          name, lower: name.toLowerCase(), required: header.required, validate: header.schema === undefined ? undefined : compileOnUse(ajv, header.schema), passed: new Set<string>(),
        })),
      shapes: new Map(),
      matches: new Map(),
    })
  }
  compiled.set(operation, byStatus)
  return byStatus
}

/**
 * The response schemas of `operation` compiled at build time (scripts/generate-validators.js): every
 * header's and every error body's (4xx, 5xx). A first list checks its pagination headers and a first
 * 401 or 404 its body; without these each would load ajv and compile. Success bodies are left out:
 * the self-check vouches for those the serializer built, and their code would add ~200 KB.
 */
export function responseSchemasBuiltAhead(operation: Operation): Schema[] {
  const schemas: Schema[] = []
  for (const [status, spec] of Object.entries(operation.responses)) {
    for (const [name, header] of Object.entries(spec.headers)) {
      if (header.schema !== undefined && name.toLowerCase() !== 'content-type') schemas.push(header.schema)
    }
    if (Number(status) < 400) continue
    for (const schema of Object.values(spec.content)) if (schema !== undefined) schemas.push(schema)
  }
  return schemas
}

/**
 * A validator that compiles its schema on its first call, so an operation's first check compiles only
 * what it walks: not the other statuses, nor a body the self-check vouches for (a first request at
 * start-up compiled every status of its operation, ~40 ms). The build's validator for the same schema
 * text is taken when there is one (`responseSchemasBuiltAhead`).
 */
function compileOnUse(ajv: () => Ajv2020, schema: Schema): ValidateFunction {
  let compiled: ValidateFunction | undefined
  const validate = ((data: unknown) => {
    compiled ??= prebuiltValidators.get(JSON.stringify(schema)) ?? ajv().compile(schema)
    const valid = compiled(data)
    validate.errors = compiled.errors
    return valid
  }) as ValidateFunction
  return validate
}

export function validateResponse(operation: Operation, status: number, headers: Record<string, string | undefined>, body: unknown): Violation[] {
  return check(operation, status, headers, body, undefined, undefined)
}

/**
 * The mock's self-check of its own reply: everything validateResponse checks, except that the body is
 * not walked when `shape` says the mock's serializer built it as exactly the entity this response
 * documents (`Runner[]`, `RunnerDetails`; `document` is the one the operation was read from, `$ref`s
 * intact, which names them). Those bodies are proven against the schemas of every release by the
 * test suite (test/server/serializer-shapes.test.ts); any other body (errors, hand-built replies) is walked.
 */
export function validateReply(
  document: Record<string, unknown>, operation: Operation, status: number, headers: Record<string, string | undefined>, body: unknown, shape: string | undefined,
): Violation[] {
  return check(operation, status, headers, body, shape === undefined ? undefined : document, shape)
}

/** The entity a status's JSON body documents (`Runner[]`, `RunnerDetails`), as validateReply compares a body's shape with it. */
export function responseShape(document: Record<string, unknown>, operation: Operation, status: number): string | undefined {
  const response = responseFor(compiledResponses(operation), status)
  return response === undefined ? undefined : documentedShape(document, operation, response, 'application/json')
}

function compiledResponses(operation: Operation): Map<string, CompiledResponse> {
  const responses = compiledFor(operation)
  if (responses === undefined) throw new Error(`operation ${operation.operationId} was not compiled by loadContract`)
  return responses
}

function responseFor(responses: Map<string, CompiledResponse>, status: number): CompiledResponse | undefined {
  const key = String(status)
  return responses.get(key) ?? responses.get(`${key[0]}XX`) ?? responses.get('default')
}

function check(
  operation: Operation, status: number, headers: Record<string, string | undefined>, body: unknown, document: Record<string, unknown> | undefined, shape: string | undefined,
): Violation[] {
  const responses = compiledResponses(operation)
  const base = { operationId: operation.operationId, status }
  const response = responseFor(responses, status)
  if (response === undefined) {
    const documented = [...responses.keys()]
    return [{ ...base, where: 'status', instancePath: '', keyword: 'status', message: `status ${status} is not documented for ${operation.operationId} (documented: ${documented.join(', ')})`, expected: documented, actual: status }]
  }
  const lowerHeaders = new Map<string, string | undefined>()
  for (const name in headers) lowerHeaders.set(lowerCase(name), headers[name])
  const violations = checkHeaders(base, response, lowerHeaders)
  const bodyViolations = checkBody(base, response, lowerHeaders.get('content-type'), body, operation, document, shape)
  return bodyViolations.length === 0 ? violations : violations.concat(bodyViolations)
}

// Replies carry the same few header names over and over: each is lower-cased once, not per reply.
const lowerNames = new Map<string, string>()

function lowerCase(name: string): string {
  let lower = lowerNames.get(name)
  if (lower === undefined) {
    lower = name.toLowerCase()
    if (lowerNames.size < 1024) lowerNames.set(name, lower)
  }
  return lower
}

type Base = Pick<Violation, 'operationId' | 'status'>

// Kaminari leaves these empty on the first and last page (reference §1.8).
const mayBeEmpty = new Set(['x-next-page', 'x-prev-page'])
const linkEntry = String.raw`<[^<>\s]*>(\s*;\s*[A-Za-z*-]+="[^"]*")+`
const linkHeader = new RegExp(`^${linkEntry}(\\s*,\\s*${linkEntry})*$`)

function checkHeaders(base: Base, response: CompiledResponse, headers: Map<string, string | undefined>): Violation[] {
  const violations: Violation[] = []
  for (const header of response.headers) {
    const value = headers.get(header.lower)
    if (value === undefined) {
      if (header.required) violations.push({ ...base, where: 'header', instancePath: `/${header.name}`, keyword: 'required', message: `header ${header.name} is missing`, expected: header.name })
      continue
    }
    if (header.passed.has(value)) continue
    if (header.lower === 'link' && !linkHeader.test(value)) {
      violations.push({ ...base, where: 'header', instancePath: `/${header.name}`, keyword: 'link', message: `header Link is not a list of <URL>; rel="name" entries`, actual: value })
      continue
    }
    if ((mayBeEmpty.has(header.lower) && value === '') || header.validate === undefined || readsAs(value, header.validate)) {
      passes(header, value)
      continue
    }
    const { validate } = header
    const error = validate.errors?.[0]
    violations.push({
      ...base,
      where: 'header',
      instancePath: `/${header.name}`,
      keyword: error?.keyword ?? 'type',
      message: `header ${header.name} ${error?.message ?? 'is malformed'}`,
      expected: error?.params,
      actual: value,
    })
  }
  return violations
}

function passes(header: CompiledHeader, value: string): void {
  if (header.passed.size >= PASSED_VALUES) header.passed.clear()
  header.passed.add(value)
}

const NUMBER = /^-?\d+(\.\d+)?$/

/**
 * Header values are text; a schema typed integer or boolean describes the text's meaning. Whether the
 * text, the number it spells or the boolean it spells passes, tried in that order (the errors ajv
 * keeps are the last reading's).
 */
function readsAs(value: string, validate: ValidateFunction): boolean {
  if (validate(value)) return true
  if (NUMBER.test(value) && validate(Number(value))) return true
  return (value === 'true' || value === 'false') && validate(value === 'true')
}

function checkBody(
  base: Base, response: CompiledResponse, contentType: string | undefined, body: unknown,
  operation: Operation, document: Record<string, unknown> | undefined, shape: string | undefined,
): Violation[] {
  if (response.bodies.size === 0) {
    if (body === undefined || body === null || body === '') return []
    return [{ ...base, where: 'body', instancePath: '', keyword: 'empty', message: `status ${base.status} has no body in the contract`, actual: body }]
  }
  const matched = contentType === undefined ? undefined : declaredMediaType(response, contentType)
  if (matched === undefined) {
    const declared = [...response.bodies.keys()]
    return [{ ...base, where: 'content-type', instancePath: '', keyword: 'content-type', message: `content type ${contentType ?? '(none)'} is not one of ${declared.join(', ')}`, expected: declared, actual: contentType ?? null }]
  }
  if (document !== undefined && shape !== undefined && documentedShape(document, operation, response, matched) === shape) return []
  const validate = response.bodies.get(matched)
  if (validate === undefined || validate(asSent(body))) return []
  return (validate.errors ?? []).map((error) => bodyViolation(base, error))
}

/** A body as it goes on the wire: one that says what it is as JSON (`toJSON`, as JSON.stringify asks) is that. */
function asSent(body: unknown): unknown {
  return isObject(body) && typeof body['toJSON'] === 'function' ? (body['toJSON'] as () => unknown)() : body
}

/** The entity a response's body schema names in the document: `Runner` for a `$ref`, `Runner[]` for an array of them. */
function documentedShape(document: Record<string, unknown>, operation: Operation, response: CompiledResponse, mediaType: string): string | undefined {
  if (response.shapes.has(mediaType)) return response.shapes.get(mediaType)
  const resolve = (node: unknown): unknown => {
    const segments = isObject(node) && typeof node['$ref'] === 'string' ? decodePointer(node['$ref']) : undefined
    return segments === undefined ? node : valueAt(document, segments).value
  }
  const operationAt = decodePointer(operation.pointer)
  const written = operationAt === undefined ? undefined : resolve(valueAt(document, [...operationAt, 'responses', response.spec.status]).value)
  const content = isObject(written) && isObject(written['content']) ? written['content'] : {}
  const media = Object.entries(content).find(([name]) => name.toLowerCase() === mediaType)?.[1]
  const schema = isObject(media) ? media['schema'] : undefined
  const named = (node: unknown) => (isObject(node) && typeof node['$ref'] === 'string' && node['$ref'].startsWith(SCHEMAS) ? node['$ref'].slice(SCHEMAS.length) : undefined)
  const item = isObject(schema) && schema['type'] === 'array' ? named(schema['items']) : undefined
  const shape = named(schema) ?? (item === undefined ? undefined : `${item}[]`)
  response.shapes.set(mediaType, shape)
  return shape
}

const SCHEMAS = '#/components/schemas/'

/** The first declared media type a Content-Type header matches; remembered per header text (a handful occur). */
function declaredMediaType(response: CompiledResponse, contentType: string): string | undefined {
  if (response.matches.has(contentType)) return response.matches.get(contentType)
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase()
  const matched = [...response.bodies.keys()].find((candidate) => mediaTypeMatches(candidate, mediaType))
  // Drift exchanges carry any text: remember only as many as a real server sends.
  if (response.matches.size < 16) response.matches.set(contentType, matched)
  return matched
}

function mediaTypeMatches(declared: string, actual: string): boolean {
  if (declared === actual || declared === '*/*') return true
  return declared.endsWith('/*') && actual.startsWith(declared.slice(0, -1))
}

function bodyViolation(base: Base, error: ErrorObject): Violation {
  const parent = isObject(error.parentSchema) ? error.parentSchema : {}
  let instancePath = error.instancePath
  let facts: GitlabFacts = gitlabFacts(parent)
  const violation: Violation = { ...base, where: 'body', instancePath, keyword: error.keyword, message: error.message ?? error.keyword, schemaPath: error.schemaPath, params: error.params }
  if (error.keyword === 'required') {
    const name = String(error.params['missingProperty'])
    instancePath += '/' + escape(name)
    violation.expected = name
    facts = gitlabFacts(propertySchema(parent, name))
    violation.message = `required property '${name}' is missing`
  } else if (error.keyword === 'additionalProperties' || error.keyword === 'unevaluatedProperties') {
    const name = String(error.params['additionalProperty'] ?? error.params['unevaluatedProperty'])
    instancePath += '/' + escape(name)
    violation.actual = name
    const removed = parent['x-gitlab-removed-properties']
    facts = isObject(removed) && removed[name] !== undefined ? { 'x-gitlab-removed-properties': { [name]: removed[name] }, ...gitlabFacts(removed[name]) } : {}
    violation.message = `property '${name}' is not in the contract`
  } else {
    violation.actual = error.data
    violation.expected = expectedOf(error)
    // An unknown enum value may be a value of another release: its own facts explain it best.
    const values = parent['x-gitlab-values']
    if (error.keyword === 'enum' && isObject(values) && typeof error.data === 'string' && isObject(values[error.data])) {
      facts = { 'x-gitlab-values': { [error.data]: values[error.data] } }
    }
  }
  violation.instancePath = instancePath
  if (Object.keys(facts).length > 0) {
    violation.gitlab = facts
    const note = versionNote(facts)
    if (note !== undefined) violation.versionNote = note
  }
  return violation
}

function escape(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1')
}

function propertySchema(parent: Record<string, unknown>, name: string): Schema | undefined {
  const properties = parent['properties']
  if (!isObject(properties)) return undefined
  const schema = properties[name]
  return typeof schema === 'boolean' || isObject(schema) ? schema : undefined
}

function expectedOf(error: ErrorObject): unknown {
  switch (error.keyword) {
    case 'type':
      return error.params['type']
    case 'enum':
      return error.params['allowedValues']
    case 'const':
      return error.params['allowedValue']
    case 'format':
      return error.params['format']
    case 'pattern':
      return error.params['pattern']
    default:
      return error.schema
  }
}

/** One sentence from the facts, newest first: `GitLab 17.0: always null; introduced in GitLab 14.8`. */
export function versionNote(facts: GitlabFacts): string | undefined {
  const notes: string[] = []
  const values = facts['x-gitlab-values']
  if (isObject(values)) {
    for (const [value, valueFacts] of Object.entries(values)) {
      if (!isObject(valueFacts)) continue
      const releases = lifecycle(valueFacts, '')
      const description = typeof valueFacts['description'] === 'string' ? ` (${valueFacts['description']})` : ''
      notes.push(`'${value}' ${releases.length > 0 ? releases.join(', ') : 'is described by the contract'}${description}`)
    }
  }
  const changes = facts['x-gitlab-changes']
  if (Array.isArray(changes)) {
    const newestFirst = changes.filter(isObject).sort((a, b) => compareVersions(latest(b['version']), latest(a['version'])))
    for (const change of newestFirst) notes.push(`${inRelease(change['version'])}: ${String(change['description'] ?? 'changed')}`)
  }
  notes.push(...lifecycle(facts, 'x-gitlab-'))
  return notes.length === 0 ? undefined : notes.join('; ')
}

function lifecycle(facts: Record<string, unknown>, prefix: string): string[] {
  const notes: string[] = []
  for (const verb of ['removed', 'deprecated', 'introduced']) {
    const moment = facts[prefix + verb]
    if (moment !== undefined) notes.push(`${verb} in ${inRelease(moment)}`)
  }
  return notes
}

/** "GitLab 17.0", or for a window "a GitLab release between 17.0 and 17.11 (release unconfirmed)". */
function inRelease(moment: unknown): string {
  if (isObject(moment)) return `a GitLab release between ${String(moment['from'])} and ${String(moment['to'])} (release unconfirmed)`
  return `GitLab ${String(moment ?? '?')}`
}

function latest(moment: unknown): string {
  return String(isObject(moment) ? moment['to'] : (moment ?? ''))
}

function compareVersions(a: string, b: string): number {
  const [aParts, bParts] = [a.split('.').map(Number), b.split('.').map(Number)]
  for (let index = 0; index < Math.max(aParts.length, bParts.length); index++) {
    const difference = (aParts[index] ?? 0) - (bParts[index] ?? 0)
    if (difference !== 0) return difference
  }
  return 0
}
