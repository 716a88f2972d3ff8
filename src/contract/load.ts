// Reads the OpenAPI 3.1 contract once: parses it with positions, checks its structure, inlines its
// $refs, proves every schema compiles in ajv's strict mode, and compiles the validators. A broken
// document becomes a ContractError naming file, line and JSON pointer, never a stack trace.
import { readFileSync } from 'node:fs'
import { isAbsolute, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Document, LineCounter } from 'yaml'
import type { Ajv2020 } from 'ajv/dist/2020.js'
import { dereference, sourcePath } from './dereference.js'
import { buildOperations, findOperation, getOperation, httpMethods, type Operation, type OperationMatch } from './operations.js'
import { decodePointer, encodePointer, isObject } from './pointer.js'
import { yamlPackage } from '../lazy-packages.js'
import { prebuiltYaml } from '../prebuilt.js'
import { prebuiltDereferenced } from './prebuilt-dereference.js'
import { usePrebuiltCatalogue } from '../profile/prebuilt-catalogue.js'
import { FactError, formatRelease, NEWEST_RELEASE, parseRelease, profileFor, type Release, type VersionProfile } from '../profile/index.js'
import { compileRequestValidators, validateRequest, type RawRequest, type RequestResult } from './request.js'
import { compileResponseValidators, validateResponse } from './response.js'
import type { Violation } from './violation.js'
import { contractKeywords, createAjv } from './vocabulary.js'

export const defaultContractFile = fileURLToPath(new URL('../../openapi/gitlab-runners.yaml', import.meta.url))

export interface Contract {
  file: string
  /** The document as written (or derived for the release), $refs intact: what `GET /api/v4/openapi.json` serves. */
  document: Record<string, unknown>
  /** The same document with every internal $ref inlined. */
  dereferenced: Record<string, unknown>
  /** The path of the first server URL, `/api/v4`; request paths carry it, templates do not. */
  basePath: string
  /** Every operation by operationId, in document order. */
  operations: ReadonlyMap<string, Operation>
  findOperation(method: string, path: string): OperationMatch | undefined
  getOperation(operationId: string): Operation
  validateRequest(operation: Operation, raw: RawRequest): RequestResult
  validateResponse(operation: Operation, status: number, headers: Record<string, string | undefined>, body: unknown): Violation[]
  /** The GitLab release this contract answers as (the newest unless loaded with `gitlabVersion`). */
  readonly profile: VersionProfile
  /** The same contract as another release answers; compiled once per release. */
  forRelease(version: string | Release): Contract
}

export interface ContractProblem {
  file: string
  line: number | undefined
  pointer: string | undefined
  message: string
}

export class ContractError extends Error {
  constructor(readonly problems: ContractProblem[]) {
    super(problems.map(formatProblem).join('\n'))
    this.name = 'ContractError'
  }
}

function formatProblem({ file, line, pointer, message }: ContractProblem): string {
  return `${file}${line === undefined ? '' : `:${line}`}${pointer === undefined ? '' : ` ${pointer}`}: ${message}`
}

interface Found {
  at: string[]
  message: string
}

export interface LoadOptions {
  /** The GitLab release the contract answers as ("17.11", "v16.0.1-ee"…); the newest when absent. */
  gitlabVersion?: string | Release
  /**
   * Compile every schema in ajv's strict mode at load, so a broken schema is reported with its line
   * (the default). The mock skips it for the contract it ships, which the test suite loads with it:
   * each operation's validators then compile on its first request, and start-up compiles nothing.
   */
  checkSchemas?: boolean
}

/**
 * Reads, checks and compiles the contract as release `gitlabVersion` answers (the newest when not
 * given). `contract.forRelease(x)` compiles another release from the same reading, once per release.
 */
export function loadContract(file: string = defaultContractFile, options: LoadOptions = {}): Contract {
  const reading = readContract(file)
  const compiled = new Map<string, Contract>()
  const forRelease = (version: string | Release | undefined): Contract => {
    const release = version === undefined ? undefined : typeof version === 'string' ? parseRelease(version) : version
    const key = release === undefined ? 'as written' : formatRelease(release)
    let contract = compiled.get(key)
    if (contract === undefined) {
      contract = compileContract(reading, release, forRelease, options.checkSchemas ?? true)
      compiled.set(key, contract)
    }
    return contract
  }
  return forRelease(options.gitlabVersion)
}

interface Reading {
  file: string
  source: Record<string, unknown>
  /** The sha256 of the text, when the source came from a shipped contract's build-time JSON. */
  prebuiltSha256: string | undefined
  report(found: Found[]): never
}

function readContract(file: string): Reading {
  const shown = displayName(file)
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    throw new ContractError([{ file: shown, line: undefined, pointer: undefined, message: `cannot read the contract (${code})` }])
  }
  // The YAML is parsed when there is no current JSON of it, or when a problem needs its line.
  let parsed: ParsedYaml | undefined
  const parse = (): ParsedYaml => (parsed ??= parseYaml(text, shown))
  const prebuilt = prebuiltYaml(file, text)
  const source: unknown = prebuilt === undefined ? parse().yaml.toJS() : prebuilt.data
  if (prebuilt !== undefined && isObject(source)) usePrebuiltCatalogue(source, prebuilt.sha256)
  const report = (found: Found[]): never => {
    const { yaml, lineCounter } = parse()
    const problems = new Map<string, ContractProblem>()
    for (const item of found) {
      const problem = { file: shown, line: lineOf(yaml, lineCounter, item.at), pointer: encodePointer(item.at), message: item.message }
      // A broken component is met again at every use; say it once.
      problems.set(`${problem.pointer} ${problem.message}`, problem)
    }
    throw new ContractError([...problems.values()])
  }
  if (!isObject(source)) return report([{ at: [], message: 'the document must be a mapping' }])
  return { file, source, prebuiltSha256: prebuilt?.sha256, report }
}

interface ParsedYaml {
  yaml: Document
  lineCounter: LineCounter
}

function parseYaml(text: string, shown: string): ParsedYaml {
  const { LineCounter, parseDocument } = yamlPackage()
  const lineCounter = new LineCounter()
  const yaml = parseDocument(text, { lineCounter, prettyErrors: false })
  if (yaml.errors.length > 0) {
    throw new ContractError(
      yaml.errors.map((error) => ({
        file: shown,
        line: error.linePos?.[0].line ?? lineCounter.linePos(error.pos[0]).line,
        pointer: undefined,
        message: `YAML: ${error.message.split('\n')[0]}`,
      })),
    )
  }
  return { yaml, lineCounter }
}

function compileContract(
  reading: Reading, release: Release | undefined, forRelease: (version: string | Release) => Contract, checkSchemas: boolean,
): Contract {
  const { file, source, prebuiltSha256, report } = reading
  // The contract's own facts are checked whenever it has them, so a broken fact fails at load.
  let profile: VersionProfile | undefined
  if (release !== undefined || source['x-gitlab-behaviours'] !== undefined) {
    try {
      profile = profileFor(source, release ?? NEWEST_RELEASE)
      void profile.document
    } catch (error) {
      if (error instanceof FactError) report([{ at: decodePointer(error.pointer) ?? [], message: error.message.slice(error.pointer.length + 2) }])
      throw error
    }
  }
  const written = profile?.document ?? source

  // Problems are reported where they are written; a derived document keeps the source's layout.
  const toSource = (item: Found): Found => ({ ...item, at: sourcePath(written, [], item.at) })
  // The shipped contract as its newest release was inlined and checked by the build, from this text
  // and this code (prebuilt-dereference.ts).
  const prebuilt = release === undefined && prebuiltSha256 !== undefined ? prebuiltDereferenced(prebuiltSha256) : undefined
  const dereferenced = prebuilt ?? inlineAndCheck(written, report, toSource)

  // Made on first use: the shipped contract's start compiles no schema, and a first request whose
  // validators were compiled at build time (request.ts) needs no ajv at all.
  let ajv: Ajv2020 | undefined
  const ajvOnUse = (): Ajv2020 => (ajv ??= createAjv({ checkSchemas }))
  if (checkSchemas) {
    const schemaProblems = schemaLocations(dereferenced).flatMap(({ at, schema }) => checkSchema(ajvOnUse(), schema, at))
    if (schemaProblems.length > 0) report(schemaProblems.map(toSource))
  }

  const operations = buildOperations(dereferenced)
  for (const operation of operations.values()) {
    compileRequestValidators(ajvOnUse, operation)
    compileResponseValidators(ajvOnUse, operation)
  }
  const located = { basePath: basePathOf(dereferenced), operations }
  return {
    file,
    document: written,
    dereferenced,
    get profile(): VersionProfile {
      if (profile === undefined) throw new Error(`${file} carries no GitLab version facts (x-gitlab-behaviours), so it has no version profile`)
      return profile
    },
    forRelease,
    ...located,
    findOperation: (method, path) => findOperation(located, method, path),
    getOperation: (operationId) => getOperation(located, operationId),
    validateRequest,
    validateResponse,
  }
}

/** `written` with its $refs inlined, once its $refs and structure are sound; problems are reported. */
function inlineAndCheck(written: Record<string, unknown>, report: Reading['report'], toSource: (item: Found) => Found): Record<string, unknown> {
  const { document, problems: refProblems } = dereference(written)
  if (refProblems.length > 0) report(refProblems)
  const dereferenced = document as Record<string, unknown>
  const structural = checkStructure(dereferenced)
  if (structural.length > 0) report(structural.map(toSource))
  return dereferenced
}

function displayName(file: string): string {
  const fromHere = relative(process.cwd(), file)
  return fromHere.startsWith('..') || isAbsolute(fromHere) ? file : fromHere
}

function lineOf(yaml: Document, lineCounter: LineCounter, segments: readonly string[]): number | undefined {
  const { isMap, isPair, isScalar, isSeq } = yamlPackage()
  // The deepest node that exists: a missing key is reported where it should have been.
  let node: unknown = yaml.contents
  let offset: number | undefined = (node as { range?: [number] } | null)?.range?.[0]
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === segment)
      if (pair === undefined) break
      offset = (pair.key as { range?: [number] }).range?.[0] ?? offset
      node = pair.value
    } else if (isSeq(node)) {
      const item: unknown = node.items[Number(segment)]
      if (item === undefined) break
      node = item
      offset = (item as { range?: [number] }).range?.[0] ?? offset
    } else break
  }
  return offset === undefined ? undefined : lineCounter.linePos(offset).line
}

function basePathOf(document: Record<string, unknown>): string {
  const servers = document['servers']
  const first: unknown = Array.isArray(servers) ? servers[0] : undefined
  const url = isObject(first) && typeof first['url'] === 'string' ? first['url'] : ''
  return new URL(url, 'http://localhost').pathname.replace(/\/+$/, '')
}

const statusKey = /^([1-5](\d\d|XX)|default)$/
const parameterLocations = new Set(['path', 'query', 'header', 'cookie'])

function checkStructure(document: Record<string, unknown>): Found[] {
  const found: Found[] = []
  const version = document['openapi']
  if (typeof version !== 'string' || !/^3\.1\.\d+$/.test(version)) {
    found.push({ at: ['openapi'], message: `openapi must be 3.1.x, got ${version === undefined ? 'nothing' : JSON.stringify(version)}` })
  }
  const info = document['info']
  if (!isObject(info) || typeof info['title'] !== 'string' || typeof info['version'] !== 'string') {
    found.push({ at: ['info'], message: 'info must have a title and a version' })
  }
  const paths = document['paths']
  if (!isObject(paths)) {
    found.push({ at: ['paths'], message: 'paths must be a mapping of path templates to path items' })
    return found
  }
  const seen = new Map<string, string>()
  for (const [path, item] of Object.entries(paths)) {
    const at = ['paths', path]
    if (!path.startsWith('/')) found.push({ at, message: `path '${path}' must start with '/'` })
    if (!isObject(item)) {
      found.push({ at, message: 'a path item must be a mapping' })
      continue
    }
    found.push(...checkParameters(item['parameters'], [...at, 'parameters']))
    for (const method of httpMethods) {
      const operation = item[method]
      if (operation === undefined) continue
      const opAt = [...at, method]
      if (!isObject(operation)) {
        found.push({ at: opAt, message: 'an operation must be a mapping' })
        continue
      }
      const operationId = operation['operationId']
      if (typeof operationId !== 'string' || operationId === '') {
        found.push({ at: opAt, message: 'operationId is missing' })
      } else if (seen.has(operationId)) {
        found.push({ at: [...opAt, 'operationId'], message: `operationId '${operationId}' is also used by ${seen.get(operationId)}` })
      } else seen.set(operationId, `${method.toUpperCase()} ${path}`)
      found.push(...checkParameters(operation['parameters'], [...opAt, 'parameters']))
      found.push(...checkPathParameters(path, [item['parameters'], operation['parameters']], opAt))
      const responses = operation['responses']
      if (!isObject(responses) || Object.keys(responses).length === 0) {
        found.push({ at: [...opAt, 'responses'], message: 'responses are missing' })
        continue
      }
      for (const status of Object.keys(responses)) {
        if (!statusKey.test(status)) found.push({ at: [...opAt, 'responses', status], message: `'${status}' is not a status code, a range like 4XX or default` })
      }
    }
  }
  return found
}

function checkParameters(parameters: unknown, at: string[]): Found[] {
  if (parameters === undefined) return []
  if (!Array.isArray(parameters)) return [{ at, message: 'parameters must be a list' }]
  return parameters.flatMap((parameter: unknown, index): Found[] => {
    const here = [...at, String(index)]
    if (!isObject(parameter) || typeof parameter['name'] !== 'string') return [{ at: here, message: 'a parameter needs a name' }]
    if (!parameterLocations.has(String(parameter['in']))) return [{ at: [...here, 'in'], message: `parameter '${parameter['name']}' must be in path, query, header or cookie` }]
    if (parameter['schema'] === undefined) return [{ at: here, message: `parameter '${parameter['name']}' has no schema` }]
    return []
  })
}

function checkPathParameters(path: string, lists: unknown[], at: string[]): Found[] {
  const declared = new Set(
    lists.flatMap((list) => (Array.isArray(list) ? list : [])).filter((parameter) => isObject(parameter) && parameter['in'] === 'path').map((parameter) => String((parameter as Record<string, unknown>)['name'])),
  )
  const inTemplate = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!)
  const found: Found[] = inTemplate.filter((name) => !declared.has(name)).map((name) => ({ at, message: `path parameter '${name}' of '${path}' is not declared` }))
  for (const name of declared) {
    if (!inTemplate.includes(name)) found.push({ at, message: `path parameter '${name}' is not in the template '${path}'` })
  }
  return found
}

interface SchemaLocation {
  at: string[]
  schema: unknown
}

function schemaLocations(document: Record<string, unknown>): SchemaLocation[] {
  const locations: SchemaLocation[] = []
  const components = document['components']
  // Components first, so a problem inside one is reported at the component, not at a use of it.
  const schemas = isObject(components) && isObject(components['schemas']) ? components['schemas'] : {}
  for (const [name, schema] of Object.entries(schemas)) locations.push({ at: ['components', 'schemas', name], schema })
  const add = (container: unknown, at: string[]): void => {
    if (isObject(container) && container['schema'] !== undefined) locations.push({ at: [...at, 'schema'], schema: container['schema'] })
  }
  const addContent = (content: unknown, at: string[]): void => {
    for (const [mediaType, media] of Object.entries(isObject(content) ? content : {})) add(media, [...at, mediaType])
  }
  for (const [path, item] of Object.entries(document['paths'] as Record<string, unknown>)) {
    const pathItem = item as Record<string, unknown>
    const addParameters = (list: unknown, at: string[]): void => {
      for (const [index, parameter] of (Array.isArray(list) ? list : []).entries()) add(parameter, [...at, String(index)])
    }
    addParameters(pathItem['parameters'], ['paths', path, 'parameters'])
    for (const method of httpMethods) {
      const operation = pathItem[method]
      if (!isObject(operation)) continue
      const at = ['paths', path, method]
      addParameters(operation['parameters'], [...at, 'parameters'])
      if (isObject(operation['requestBody'])) addContent(operation['requestBody']['content'], [...at, 'requestBody', 'content'])
      for (const [status, response] of Object.entries(operation['responses'] as Record<string, unknown>)) {
        if (!isObject(response)) continue
        addContent(response['content'], [...at, 'responses', status, 'content'])
        for (const [name, header] of Object.entries(isObject(response['headers']) ? response['headers'] : {})) add(header, [...at, 'responses', status, 'headers', name])
      }
    }
  }
  return locations
}

function checkSchema(ajv: Ajv2020, schema: unknown, at: string[]): Found[] {
  if (typeof schema !== 'boolean' && !isObject(schema)) return [{ at, message: 'a schema must be a mapping or a boolean' }]
  if (!ajv.validateSchema(schema)) {
    // The deepest complaint names the keyword at fault; its parents only repeat it.
    const errors = [...(ajv.errors ?? [])].sort((a, b) => b.instancePath.length - a.instancePath.length)
    const error = errors[0]!
    const inside = error.instancePath.split('/').slice(1).map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    const value = inside.reduce<unknown>((node, segment) => (isObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[segment] : undefined), schema)
    return [{ at: [...at, ...inside], message: `invalid schema: ${inside.at(-1) ?? 'schema'} ${error.message ?? 'is invalid'} (got ${JSON.stringify(value)})` }]
  }
  try {
    ajv.compile(schema)
    return []
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const unknown = /unknown keyword: "([^"]+)"/.exec(message)?.[1]
    if (unknown !== undefined) {
      const inside = findKeyword(schema, unknown) ?? []
      return [{ at: [...at, ...inside], message: `unknown keyword '${unknown}' (a typo? keywords beyond JSON Schema 2020-12: ${contractKeywords.join(', ')})` }]
    }
    return [{ at, message: `schema does not compile: ${message}` }]
  }
}

// Keys under these keywords are names (of properties, definitions), not keywords.
const nameMaps = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas', 'x-gitlab-removed-properties', 'x-gitlab-values'])

function findKeyword(node: unknown, keyword: string, at: string[] = []): string[] | undefined {
  if (Array.isArray(node)) {
    for (const [index, item] of node.entries()) {
      const found = findKeyword(item, keyword, [...at, String(index)])
      if (found) return found
    }
    return undefined
  }
  if (!isObject(node)) return undefined
  if (Object.hasOwn(node, keyword)) return [...at, keyword]
  for (const [key, value] of Object.entries(node)) {
    if (key === 'example' || key === 'examples' || key === 'default' || key === 'const' || key === 'enum') continue
    const found = nameMaps.has(key) && isObject(value)
      ? Object.entries(value).reduce<string[] | undefined>((hit, [name, child]) => hit ?? findKeyword(child, keyword, [...at, key, name]), undefined)
      : findKeyword(value, keyword, [...at, key])
    if (found) return found
  }
  return undefined
}
