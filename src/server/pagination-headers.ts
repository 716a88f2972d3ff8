// GitLab's pagination headers and Link URLs (reference §1.8, §1.9), built from a page the store cut.
import type { Page } from '../store/pagination.js'

/** The numbers of a page, without its items. */
export type OffsetPage = Omit<Page<unknown>, 'items'>

export interface LinkContext {
  /** Origin the client reached, e.g. http://127.0.0.1:4000 (GitLab uses its configured host). */
  origin: string
  /** Request path including /api/v4. */
  path: string
  /** Every request parameter (query, body, path): GitLab repeats them all in its links. */
  params: Record<string, unknown>
}

export function offsetHeaders(page: OffsetPage, link: LinkContext): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Per-Page': String(page.perPage),
    'X-Page': digits(page.page),
    'X-Next-Page': page.nextPage === null ? '' : digits(page.nextPage),
    'X-Prev-Page': page.prevPage === null ? '' : digits(page.prevPage),
  }
  // Counts are omitted past 10 000 items (and for jobs filtered by system_id): the store says null.
  if (page.total !== null) headers['X-Total'] = String(page.total)
  if (page.totalPages !== null) headers['X-Total-Pages'] = String(page.totalPages)

  const entries: string[] = []
  const url = (n: number) => linkUrl(link, { page: digits(n), per_page: String(page.perPage) })
  if (page.prevPage !== null) entries.push(`<${url(page.prevPage)}>; rel="prev"`)
  if (page.nextPage !== null) entries.push(`<${url(page.nextPage)}>; rel="next"`)
  entries.push(`<${url(1)}>; rel="first"`)
  if (page.totalPages !== null) entries.push(`<${url(page.totalPages)}>; rel="last"`)
  headers.Link = entries.join(', ')
  return headers
}

/** A page number as digits: past 2^53 String() writes `1e+23`, which no client reads as a page. */
function digits(n: number): string {
  return Number.isSafeInteger(n) ? String(n) : BigInt(Math.trunc(n)).toString()
}

export function keysetHeaders(nextCursor: string | null, perPage: number, link: LinkContext): Record<string, string> {
  if (nextCursor === null) return {}
  return { Link: `<${linkUrl(link, { cursor: nextCursor, per_page: String(perPage) })}>; rel="next"` }
}

function linkUrl(link: LinkContext, overrides: Record<string, string>): string {
  const merged: Record<string, unknown> = { ...link.params, ...overrides }
  if ('cursor' in overrides) delete merged.page
  const query = new URLSearchParams()
  for (const key of Object.keys(merged).sort()) {
    const value = merged[key]
    if (value === undefined) continue
    // A key repeated with the same value says it once to Rack: 800 copies would make every link
    // repeat them, past the 16 KB of headers clients read.
    if (Array.isArray(value)) for (const item of new Set(value.map(String))) query.append(`${key}[]`, item)
    else query.append(key, String(value))
  }
  return `${link.origin}${link.path}?${query.toString()}`
}
