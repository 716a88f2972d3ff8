// The parts of a request target (`/api/v4/runners?page=2`) the pipeline needs, read straight from
// the string Node hands over: no URL object per request.
import type { IncomingMessage } from 'node:http'
import { parseQuery, type RawParams } from './input.js'

export const SLASH = 0x2f
const QUESTION = 0x3f
const HASH = 0x23

/** The path of a request target, without query or fragment. */
export function pathOf(url: string): string {
  if (url.charCodeAt(0) !== SLASH) return absolutePathOf(url)
  let end = url.length
  for (let i = 1; i < end; i++) {
    const code = url.charCodeAt(i)
    if (code === QUESTION || code === HASH) end = i
  }
  return end === url.length ? url : url.slice(0, end)
}

/** An absolute-form target (`GET http://host/path`), or one that is no path at all (`OPTIONS *`). */
function absolutePathOf(url: string): string {
  try {
    return new URL(url).pathname
  } catch {
    return url
  }
}

// Most requests (details, every write) carry no query: they share one, which nobody may change.
const NO_QUERY: RawParams = Object.freeze({}) as RawParams

/** The query string of a request target, parsed as Rack parses it; a `?` inside the fragment starts none. */
export function queryOf(url: string): RawParams {
  const start = url.indexOf('?')
  if (start === -1) return NO_QUERY
  const hash = url.indexOf('#')
  if (hash !== -1 && hash < start) return NO_QUERY
  return parseQuery(hash === -1 ? url.slice(start + 1) : url.slice(start + 1, hash))
}

let lastHost: string | undefined
let lastOrigin = 'http://127.0.0.1'

/** The origin the client reached: links point back at it. The mock speaks plain HTTP. */
export function originOf(req: IncomingMessage): string {
  const host = req.headers.host
  if (host === undefined) return 'http://127.0.0.1'
  // Clients send the same Host over and over: its origin string is made once.
  if (host !== lastHost) {
    lastHost = host
    lastOrigin = `http://${host}`
  }
  return lastOrigin
}
