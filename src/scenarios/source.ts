// Scenario text -> validated, merged entity specs that still know where they were written.
// Owns YAML parsing, the JSON Schema check, `include:` and the file:line of every problem;
// knows nothing of ids, references or the store's records.

import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, isAbsolute, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ErrorObject, ValidateFunction } from 'ajv'
import type { Document, LineCounter } from 'yaml'
import { ajvPackage, yamlPackage } from '../lazy-packages.js'
import { prebuiltYaml } from '../prebuilt.js'
import * as prebuilt from '../generated/scenario-validator.js'
import { refusal, type FileAccess } from './file-access.js'
import type { GenerateSpec, GroupSpec, InstanceSpec, ProjectSpec, RunnerSpec, ScenarioFile, UserSpec } from './format.js'
import { formatPath, ScenarioError } from './scenario-error.js'
import type { ScenarioProblem } from './scenario-error.js'

export type PathSegment = string | number

export interface Source {
  file: string
  /** What the file holds, as plain data. */
  data: unknown
  /** The YAML with positions, for a problem's line: parsed on first need when the data came prebuilt. */
  yaml(): ParsedYaml
}

interface ParsedYaml {
  document: Document.Parsed
  lineCounter: LineCounter
}

/** A place inside one scenario file, to point a problem at. */
export interface Site {
  source: Source
  path: PathSegment[]
}

export interface Located<T> {
  spec: T
  at: Site
}

/** Every file of a scenario merged: included files' entities first, in include order. */
export interface MergedScenario {
  instance: Array<Located<InstanceSpec>>
  users: Array<Located<UserSpec>>
  groups: Array<Located<GroupSpec>>
  projects: Array<Located<ProjectSpec>>
  runners: Array<Located<RunnerSpec>>
  generate: Located<GenerateSpec> | null
  /** Recording files and folders to replay, as absolute paths, in the order the files list them. */
  replay: Array<Located<string>>
  /** Problems found reading the files (YAML, schema, includes); the builder adds its own and throws them all. */
  problems: ScenarioProblem[]
  /** Entities left out for a schema problem (`user:alice`, `group:acme`), so references to them are not reported again. */
  broken: Set<string>
}

// The lists whose entries are left out one by one when an entry breaks the schema; a problem anywhere
// else in a file leaves the whole file out.
const ENTITY_LISTS = ['users', 'groups', 'projects', 'runners'] as const

const MAX_SCHEMA_PROBLEMS = 20

const schemaUrl = new URL('../../scenarios/scenario.schema.json', import.meta.url)
const validateFile = scenarioValidator(readFileSync(schemaUrl, 'utf8'))

/** The schema's validator compiled at build time (`npm run generate`) while it matches the schema file; compiled now otherwise. */
function scenarioValidator(schema: string): ValidateFunction<ScenarioFile> {
  if (createHash('sha256').update(schema).digest('hex') === prebuilt.schemaSha256) {
    return prebuilt.validateScenarioFile
  }
  return new (ajvPackage().Ajv)({ allErrors: true, strict: true }).compile<ScenarioFile>(JSON.parse(schema) as object)
}

export function siteAt(at: Site, ...more: PathSegment[]): Site {
  return { source: at.source, path: [...at.path, ...more] }
}

export function problemAt(at: Site, message: string): ScenarioProblem {
  return {
    file: at.source.file,
    line: lineOf(at.source, at.path),
    path: formatPath(at.path),
    message,
  }
}

/** The error to throw for one problem at a site. */
export function failAt(at: Site, message: string): ScenarioError {
  return new ScenarioError([problemAt(at, message)])
}

/**
 * Parses and validates `text` (named `file` in messages) and every file it includes.
 * Relative include paths resolve against the including file's directory.
 */
export function readScenario(text: string, file: string, access?: FileAccess): MergedScenario {
  const merged: MergedScenario = { instance: [], users: [], groups: [], projects: [], runners: [], generate: null, replay: [], problems: [], broken: new Set() }
  mergeFile(text, file, merged, [], access)
  return merged
}

/** Keeps a file's problems and carries on, so one run reports every file's. */
function collect(merged: MergedScenario, run: () => void): void {
  try {
    run()
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error
    merged.problems.push(...error.problems)
  }
}

/** Scenario names the package ships (`include: [default]`): a bare name is a file in scenarios/. */
export const SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url))

export function isScenarioName(text: string): boolean {
  return /^[A-Za-z0-9_-]+$/.test(text)
}

function mergeFile(text: string, file: string, merged: MergedScenario, including: string[], access: FileAccess | undefined): void {
  let source: Source
  try {
    source = parseSource(text, file)
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error
    merged.problems.push(...error.problems)
    return
  }
  const { data } = source
  // An empty file is an empty world, not an error: `yaml` reads it as null.
  const raw = data === null || data === undefined ? {} : data
  let content: ScenarioFile
  const skipped = new Map<string, Set<number>>()
  if (validateFile(raw)) {
    content = raw
  } else {
    const errors = validateFile.errors ?? []
    merged.problems.push(...schemaProblems(source, errors))
    const kept = withoutBrokenEntries(raw, errors, skipped, merged.broken)
    if (kept === undefined) return
    content = kept
  }
  const root: Site = { source, path: [] }
  const absolute = resolve(file)
  for (const [index, includePath] of (content.include ?? []).entries()) {
    const builtIn = isScenarioName(includePath)
    const target = builtIn ? `${SCENARIOS_DIR}${includePath}.yaml` : resolve(dirname(absolute), includePath)
    const at = siteAt(root, 'include', index)
    collect(merged, () => {
      if (target === absolute || including.includes(target)) {
        throw failAt(at, `includes itself through ${[...including, absolute, target].map(displayName).join(' -> ')}`)
      }
      const refused = refusal(target, access)
      if (refused !== undefined) throw failAt(at, `cannot read ${includePath}: ${refused}`)
      let includedText: string
      try {
        includedText = readFileSync(target, 'utf8')
      } catch (error) {
        const hint = builtIn ? ` (a bare name is a built-in scenario: ${readdirSync(SCENARIOS_DIR).filter((name) => name.endsWith('.yaml')).map((name) => name.slice(0, -5)).join(', ')})` : ''
        throw failAt(at, `cannot read ${displayName(target)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}${hint}`)
      }
      mergeFile(includedText, displayName(target), merged, [...including, absolute], access)
    })
  }
  const locate = <T>(items: T[] | undefined, key: string) => locateAll(items, root, key).filter((_item, index) => !skipped.get(key)?.has(index))
  if (content.instance !== undefined) merged.instance.push({ spec: content.instance, at: siteAt(root, 'instance') })
  merged.users.push(...locate(content.users, 'users'))
  merged.groups.push(...locate(content.groups, 'groups'))
  merged.projects.push(...locate(content.projects, 'projects'))
  merged.runners.push(...locate(content.runners, 'runners'))
  merged.replay.push(...locateAll(content.replay, root, 'replay').map(({ spec, at }) => ({ spec: resolve(dirname(absolute), spec), at })))
  if (content.generate !== undefined) {
    const at = siteAt(root, 'generate')
    if (merged.generate !== null) {
      merged.problems.push(problemAt(at, `a world has one generate section; ${merged.generate.at.source.file} already has one`))
    } else {
      merged.generate = { spec: content.generate, at }
    }
  }
}

/**
 * The file without the list entries that break the schema (their indexes go into `skipped`, their
 * names into `broken`), or undefined when a problem lies outside those lists and the file is unusable.
 */
function withoutBrokenEntries(raw: unknown, errors: ErrorObject[], skipped: Map<string, Set<number>>, broken: Set<string>): ScenarioFile | undefined {
  for (const error of errors) {
    const [list, index] = error.instancePath.split('/').slice(1)
    if (!ENTITY_LISTS.includes(list as (typeof ENTITY_LISTS)[number]) || index === undefined || !/^\d+$/.test(index)) return undefined
    const indexes = skipped.get(list as string) ?? new Set<number>()
    indexes.add(Number(index))
    skipped.set(list as string, indexes)
  }
  const file = raw as Record<string, unknown>
  for (const [list, indexes] of skipped) {
    const entries = file[list] as Array<Record<string, unknown>>
    for (const index of indexes) {
      const entry = entries[index]
      const name = list === 'users' ? entry?.['username'] : entry?.['path']
      if (typeof name === 'string') broken.add(`${list.slice(0, -1)}:${list === 'users' ? name.toLowerCase() : name}`)
    }
  }
  // The lists' remaining entries passed the schema; the other keys had no problem at all.
  return file as ScenarioFile
}

function locateAll<T>(items: T[] | undefined, root: Site, key: string): Array<Located<T>> {
  return (items ?? []).map((spec, index) => ({ spec, at: siteAt(root, key, index) }))
}

function parseSource(text: string, file: string): Source {
  let parsed: ParsedYaml | undefined
  const yaml = (): ParsedYaml => (parsed ??= parseYaml(text, file))
  const prebuilt = prebuiltYaml(file, text)
  return { file, data: prebuilt === undefined ? yaml().document.toJS() : prebuilt.data, yaml }
}

function parseYaml(text: string, file: string): ParsedYaml {
  const { LineCounter, parseDocument } = yamlPackage()
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  if (document.errors.length > 0) {
    throw new ScenarioError(
      document.errors.map((error) => ({
        file,
        line: lineCounter.linePos(error.pos[0]).line,
        path: '',
        message: `invalid YAML: ${error.message.split('\n')[0] ?? error.code}`,
      })),
    )
  }
  return { document, lineCounter }
}

function schemaProblems(source: Source, errors: ErrorObject[]): ScenarioProblem[] {
  const problems = errors.map((error) => {
    const path: PathSegment[] = error.instancePath
      .split('/')
      .slice(1)
      .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
      .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment))
    if (error.keyword === 'additionalProperties') {
      path.push(String(error.params['additionalProperty']))
    }
    return problemAt({ source, path }, describeSchemaError(error))
  })
  // Sorted by position so the first line printed is the first place to fix.
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0))
  return problems.slice(0, MAX_SCHEMA_PROBLEMS)
}

function describeSchemaError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'enum':
      return `must be one of ${(params['allowedValues'] as unknown[]).map(String).join(', ')}`
    case 'required':
      return `must have a ${String(params['missingProperty'])}`
    case 'additionalProperties':
      return 'is not a known key here'
    case 'type': {
      const types = String(params['type']).split(',')
      return `must be ${types.map((type) => (type === 'null' ? 'null' : `a${/^[aeiou]/.test(type) ? 'n' : ''} ${type}`)).join(' or ')}`
    }
    case 'pattern':
      return String(params['pattern']).includes('{40}')
        ? 'must be a full 40-character lowercase hex sha'
        : `is not a valid name or path (letters, digits, '_', '-', '.', parts joined by '/')`
    default:
      return error.message ?? error.keyword
  }
}

/** The 1-based line of the node at `path`, or of its nearest existing ancestor (the key's line for map entries). */
function lineOf(source: Source, path: PathSegment[]): number | null {
  const { isMap, isScalar, isSeq } = yamlPackage()
  const { document, lineCounter } = source.yaml()
  let node: unknown = document.contents
  let offset: number | undefined = rangeStart(node)
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment))
      if (pair === undefined) break
      offset = rangeStart(pair.key) ?? offset
      node = pair.value
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment]
      if (item === undefined) break
      offset = rangeStart(item) ?? offset
      node = item
    } else {
      break
    }
  }
  return offset === undefined ? null : lineCounter.linePos(offset).line
}

function rangeStart(node: unknown): number | undefined {
  if (typeof node !== 'object' || node === null || !('range' in node)) return undefined
  const range = (node as { range?: [number, number, number] | null }).range
  return range?.[0]
}

/** How a file is named in messages: relative to the working directory when it lies inside it. */
export function displayName(absolute: string): string {
  const fromCwd = relative(process.cwd(), absolute)
  return fromCwd.startsWith('..') || isAbsolute(fromCwd) ? absolute : fromCwd
}
