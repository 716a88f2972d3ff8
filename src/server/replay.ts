// Answers a request from the world's recorded exchanges (a scenario's `replay:`) when one matches:
// same method, path and query, credentials aside. Several recordings of one request play in order
// and the last one repeats, so "list, create, list again" replays as it was recorded.
import type { RecordedExchange } from '../store/records.js'
import type { RawParams } from './input.js'
import type { Reply } from './respond.js'

// Recordings hold no credentials (they are redacted), so a request's own never take part in matching.
const CREDENTIAL_PARAMS = new Set(['private_token'])

// Recordings by request, per list of recordings: forks of a world share its list and so its index.
const indexes = new WeakMap<readonly RecordedExchange[], Map<string, RecordedExchange[]>>()

/**
 * The recorded answer to a request, if any. `turns` counts how often each request was answered so
 * far; the caller keeps it per scope (a session, or the main state), so every scope plays from the start.
 */
export function replayFor(
  replays: readonly RecordedExchange[], turns: Map<string, number>, method: string, path: string, query: RawParams, origin: string,
): Reply | undefined {
  if (replays.length === 0) return undefined
  const key = requestKey(method, path, query)
  const recordings = indexOf(replays).get(key)
  if (!recordings) return undefined
  const turn = turns.get(key) ?? 0
  turns.set(key, turn + 1)
  const { response } = recordings[Math.min(turn, recordings.length - 1)]!
  const headers = { ...response.headers }
  // The proxy stores links without their origin; they point back at whoever serves the replay.
  if (headers.link !== undefined) headers.link = headers.link.replaceAll('</', `<${origin}/`)
  return { status: response.status, headers, ...(response.body === undefined ? {} : { body: response.body }) }
}

function indexOf(replays: readonly RecordedExchange[]): Map<string, RecordedExchange[]> {
  let index = indexes.get(replays)
  if (!index) {
    index = new Map()
    for (const recording of replays) {
      const key = requestKey(recording.request.method, recording.request.path, recording.request.query)
      index.set(key, [...(index.get(key) ?? []), recording])
    }
    indexes.set(replays, index)
  }
  return index
}

function requestKey(method: string, path: string, query: RawParams): string {
  const params = Object.keys(query)
    .filter((name) => !CREDENTIAL_PARAMS.has(name))
    .sort()
    .map((name) => `${name}=${JSON.stringify(query[name])}`)
  return `${method.toUpperCase()} ${path}?${params.join('&')}`
}
