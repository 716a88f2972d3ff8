// GitLab's pagination headers and Link URLs (reference §1.8, §1.9), built from a page the store cut.
// The request's parameters are sorted and encoded once per list; each link splices its page (or
// cursor) and per_page into that text. Requests that serve no list never pay for any of it.
import type { Page } from '../store/pagination.js'

/** The numbers of a page, without its items. */
export type OffsetPage = Omit<Page<unknown>, 'items'>

/** Where a list was asked for; the pipeline may work these out only when read (a list is served). */
export interface LinkContext {
  /** Origin the client reached, e.g. http://127.0.0.1:4000 (GitLab uses its configured host). */
  readonly origin: string
  /** Request path including /api/v4. */
  readonly path: string
  /** Every request parameter (query, body, path): GitLab repeats them all in its links. */
  readonly params: Record<string, unknown>
}

// The headers of the pages asked for lately, with everything they were made from: the same list asked
// again gets the same object, whose strings (the Link above all) are already flat and hashed for the
// socket and the self-check. Compared field by field (no key text to build and hash per request);
// kept only when every parameter is a string or a list of strings, as a query's are.
interface KeptHeaders {
  page: OffsetPage
  origin: string
  path: string
  names: string[]
  values: (string | readonly string[])[]
  headers: Record<string, string>
}

const KEPT_PAGES = 16
const kept: (KeptHeaders | undefined)[] = new Array<KeptHeaders | undefined>(KEPT_PAGES).fill(undefined)
let nextKept = 0

/** Frozen: replies share it (the responder copies headers before adding its own). */
export function offsetHeaders(page: OffsetPage, link: LinkContext): Record<string, string> {
  const { origin, path, params } = link
  for (const entry of kept) {
    if (entry !== undefined && samePage(entry.page, page) && entry.origin === origin && entry.path === path && sameParams(entry, params)) return entry.headers
  }
  const headers = Object.freeze(pageHeaders(page, { origin, path, params }))
  const names: string[] = []
  const values: (string | readonly string[])[] = []
  for (const name in params) {
    const value = params[name]
    if (typeof value !== 'string' && !(Array.isArray(value) && value.every((item) => typeof item === 'string'))) return headers
    names.push(name)
    values.push(typeof value === 'string' ? value : [...(value as string[])])
  }
  const numbers = { page: page.page, perPage: page.perPage, total: page.total, totalPages: page.totalPages, nextPage: page.nextPage, prevPage: page.prevPage }
  kept[nextKept] = { page: numbers, origin, path, names, values, headers }
  nextKept = (nextKept + 1) % KEPT_PAGES
  return headers
}

function samePage(a: OffsetPage, b: OffsetPage): boolean {
  return a.page === b.page && a.perPage === b.perPage && a.total === b.total && a.totalPages === b.totalPages && a.nextPage === b.nextPage && a.prevPage === b.prevPage
}

/** The same parameter names in the same order, each with the same string or list of strings. */
function sameParams(entry: KeptHeaders, params: Record<string, unknown>): boolean {
  let index = 0
  for (const name in params) {
    if (entry.names[index] !== name) return false
    const value = params[name]
    const kept = entry.values[index]!
    if (typeof kept === 'string') {
      if (value !== kept) return false
    } else if (!Array.isArray(value) || value.length !== kept.length || value.some((item, at) => item !== kept[at])) return false
    index += 1
  }
  return index === entry.names.length
}

function pageHeaders(page: OffsetPage, link: LinkContext): Record<string, string> {
  const perPage = String(page.perPage)
  const headers: Record<string, string> = {
    'X-Per-Page': perPage,
    'X-Page': digits(page.page),
    'X-Next-Page': page.nextPage === null ? '' : digits(page.nextPage),
    'X-Prev-Page': page.prevPage === null ? '' : digits(page.prevPage),
  }
  // Counts are omitted past 10 000 items (and for jobs filtered by system_id): the store says null.
  if (page.total !== null) headers['X-Total'] = String(page.total)
  if (page.totalPages !== null) headers['X-Total-Pages'] = String(page.totalPages)

  const base = linkBase(link, 'page')
  const url = (n: number) => linkUrl(base, 'page', digits(n), perPage)
  let links = ''
  if (page.prevPage !== null) links += `<${url(page.prevPage)}>; rel="prev", `
  if (page.nextPage !== null) links += `<${url(page.nextPage)}>; rel="next", `
  links += `<${url(1)}>; rel="first"`
  if (page.totalPages !== null) links += `, <${url(page.totalPages)}>; rel="last"`
  headers.Link = links
  return headers
}

/** A page number as digits: past 2^53 String() writes `1e+23`, which no client reads as a page. */
function digits(n: number): string {
  return Number.isSafeInteger(n) ? String(n) : BigInt(Math.trunc(n)).toString()
}

const NO_HEADERS: Record<string, string> = Object.freeze({}) as Record<string, string>

export function keysetHeaders(nextCursor: string | null, perPage: number, link: LinkContext): Record<string, string> {
  if (nextCursor === null) return NO_HEADERS
  // A cursor link carries no page: the cursor says where the next page starts.
  return { Link: `<${linkUrl(linkBase(link, 'cursor'), 'cursor', formEncode(nextCursor), String(perPage))}>; rel="next"` }
}

/** The link's origin and path, and the request's other parameters as encoded `key=value` text, by key. */
interface LinkBase {
  address: string
  keys: string[]
  pairs: string[]
}

/** The keys a link sets itself: its position key (`page` or `cursor`) and per_page; offset links drop no key, cursor links drop `page`. */
function linkBase(link: LinkContext, position: 'page' | 'cursor'): LinkBase {
  const merged = link.params
  const keys: string[] = []
  const pairs: string[] = []
  for (const key of Object.keys(merged).sort()) {
    const value = merged[key]
    if (value === undefined || key === position || key === 'per_page' || key === 'page') continue
    // A key repeated with the same value says it once to Rack: 800 copies would make every link
    // repeat them, past the 16 KB of headers clients read. An empty list says nothing.
    const pair = Array.isArray(value)
      ? [...new Set(value.map(String))].map((item) => `${formEncode(`${key}[]`)}=${formEncode(item)}`).join('&')
      : `${formEncode(key)}=${formEncode(String(value))}`
    if (pair === '') continue
    keys.push(key)
    pairs.push(pair)
  }
  return { address: `${link.origin}${link.path}?`, keys, pairs }
}

/** The request's parameters in key order with the link's own `position` and `per_page` in their places. */
function linkUrl(base: LinkBase, position: 'page' | 'cursor', positionValue: string, perPage: string): string {
  const own: [string, string][] = [[position, `${position}=${positionValue}`], ['per_page', `per_page=${perPage}`]]
  let query = ''
  let next = 0
  for (let index = 0; index < base.keys.length; index++) {
    const key = base.keys[index]!
    while (next < own.length && own[next]![0] < key) query += `${own[next++]![1]}&`
    query += `${base.pairs[index]}&`
  }
  while (next < own.length) query += `${own[next++]![1]}&`
  return base.address + query.slice(0, -1)
}

// What application/x-www-form-urlencoded leaves as is; anything else goes through URLSearchParams.
const FORM_SAFE = /^[\w*.-]*$/

function formEncode(text: string): string {
  return FORM_SAFE.test(text) ? text : new URLSearchParams([['', text]]).toString().slice(1)
}
