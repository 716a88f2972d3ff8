// Reads recorded exchanges (the drift proxy's `--record` fixtures) named by a scenario's `replay:`
// key into the world's replays. A file that is not a recording is a ScenarioError naming it.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { RecordedExchange } from '../store/records.js'
import { refusal, type FileAccess } from './file-access.js'
import { ScenarioError } from './scenario-error.js'
import { displayName, failAt, type Located } from './source.js'

export function readReplays(paths: Array<Located<string>>, access?: FileAccess): RecordedExchange[] {
  return paths.flatMap(({ spec, at }) => {
    const refused = refusal(spec, access)
    if (refused !== undefined) throw failAt(at, `cannot read ${spec}: ${refused}`)
    let files: string[]
    try {
      files = statSync(spec).isDirectory()
        ? readdirSync(spec).filter((name) => name.endsWith('.json')).sort().map((name) => join(spec, name))
        : [spec]
    } catch (error) {
      throw failAt(at, `cannot read ${displayName(spec)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
    }
    return files.map((file) => {
      // A folder inside may still hold a link that leads out.
      const linked = refusal(file, access)
      if (linked !== undefined) throw failAt(at, `cannot read ${file}: ${linked}`)
      return readRecording(file)
    })
  })
}

function readRecording(path: string): RecordedExchange {
  const file = displayName(path)
  const fail = (where: string, message: string) => new ScenarioError([{ file, line: null, path: where, message }])
  let document: unknown
  try {
    document = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    // JSON.parse quotes the text it choked on: name the problem, never the file's contents.
    const reason = error instanceof SyntaxError ? 'not valid JSON' : ((error as NodeJS.ErrnoException).code ?? 'unreadable')
    throw fail('', `not a recording: ${reason}`)
  }
  const request = field(document, 'request')
  const response = field(document, 'response')
  if (typeof request !== 'object' || request === null) throw fail('request', 'must be an object with method, path and query')
  if (typeof response !== 'object' || response === null) throw fail('response', 'must be an object with status and headers')
  const method = field(request, 'method')
  const requestPath = field(request, 'path')
  const query = field(request, 'query') ?? {}
  const status = field(response, 'status')
  const headers = field(response, 'headers') ?? {}
  if (typeof method !== 'string') throw fail('request.method', 'must be an HTTP method')
  if (typeof requestPath !== 'string' || !requestPath.startsWith('/')) throw fail('request.path', 'must be a path under /api/v4, starting with /')
  if (!isParams(query)) throw fail('request.query', 'must map names to strings or lists of strings')
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) throw fail('response.status', 'must be an HTTP status')
  if (!isHeaders(headers)) throw fail('response.headers', 'must map names to strings')
  const body = field(response, 'body')
  return {
    source: file,
    request: { method: method.toUpperCase(), path: requestPath, query },
    response: { status, headers, ...(body === undefined ? {} : { body }) },
  }
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined
}

function isParams(value: unknown): value is Record<string, string | string[]> {
  return isPlainObject(value) &&
    Object.values(value).every((item) => typeof item === 'string' || (Array.isArray(item) && item.every((part) => typeof part === 'string')))
}

function isHeaders(value: unknown): value is Record<string, string> {
  return isPlainObject(value) && Object.values(value).every((item) => typeof item === 'string')
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
