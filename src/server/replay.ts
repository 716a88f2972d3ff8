// Answers a request from the world's recorded exchanges (a scenario's `replay:`) when one matches:
// same method, path and query, credentials aside. Several recordings of one request play in order
// and the last one repeats, so "list, create, list again" replays as it was recorded.
import type { RecordedExchange } from '../store/records.js'
import type { World } from '../store/world.js'
import type { RawParams } from './input.js'
import type { Reply } from './respond.js'

// Recordings hold no credentials (they are redacted), so a request's own never take part in matching.
const CREDENTIAL_PARAMS = new Set(['private_token'])

interface ReplayIndex {
  byRequest: Map<string, RecordedExchange[]>
  /** How many times each request was answered in this world: the next recording to play. */
  served: Map<string, number>
}

// Per world: a fork (a session) or a reset starts every sequence from its first recording.
const indexes = new WeakMap<World, ReplayIndex>()

export function replayFor(world: World, method: string, path: string, query: RawParams, origin: string): Reply | undefined {
  if (world.replays.length === 0) return undefined
  const index = indexOf(world)
  const key = requestKey(method, path, query)
  const recordings = index.byRequest.get(key)
  if (!recordings) return undefined
  const turn = index.served.get(key) ?? 0
  index.served.set(key, turn + 1)
  const { response } = recordings[Math.min(turn, recordings.length - 1)]!
  const headers = { ...response.headers }
  // The proxy stores links without their origin; they point back at whoever serves the replay.
  if (headers.link !== undefined) headers.link = headers.link.replaceAll('</', `<${origin}/`)
  return { status: response.status, headers, ...(response.body === undefined ? {} : { body: response.body }) }
}

function indexOf(world: World): ReplayIndex {
  let index = indexes.get(world)
  if (!index) {
    const byRequest = new Map<string, RecordedExchange[]>()
    for (const recording of world.replays) {
      const key = requestKey(recording.request.method, recording.request.path, recording.request.query)
      byRequest.set(key, [...(byRequest.get(key) ?? []), recording])
    }
    index = { byRequest, served: new Map() }
    indexes.set(world, index)
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
