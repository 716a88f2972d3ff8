// Cutting lists into pages as GitLab does: offset pages with Kaminari's rules (reference §1.8) and
// keyset pages for jobs (§1.9). Headers and Link URLs are the server's; this returns numbers only.
import { MethodNotAllowedError, ParamError } from './errors.js'

export const DEFAULT_PER_PAGE = 20
export const MAX_PER_PAGE = 100
/** Above this many items GitLab stops counting: no X-Total, no X-Total-Pages, no `last` link. */
export const MAX_COUNTED_ITEMS = 10_000

export interface OffsetParams {
  page?: number
  perPage?: number
}

export interface Page<T> {
  items: T[]
  page: number
  perPage: number
  total: number | null
  totalPages: number | null
  nextPage: number | null
  prevPage: number | null
}

export interface PageOptions {
  /** GitLab skips counting for some queries (jobs filtered by system_id). */
  withoutCounts?: boolean
}

/** The page size GitLab serves: 0 is refused, above 100 is capped, negative falls back to 20. */
export function effectivePerPage(perPage: number | undefined): number {
  if (perPage === undefined || perPage < 0) return DEFAULT_PER_PAGE
  if (perPage === 0) throw new ParamError('per_page has a value not allowed')
  return Math.min(perPage, MAX_PER_PAGE)
}

/** A list to cut, or anything that counts and slices like one (a runner selection that reads only the page). */
export interface Sliceable<T> {
  readonly length: number
  slice(start: number, end: number): T[]
}

export function paginate<T>(all: Sliceable<T>, params: OffsetParams, options: PageOptions = {}): Page<T> {
  const perPage = effectivePerPage(params.perPage)
  const page = params.page === undefined || params.page < 1 ? 1 : params.page
  const start = (page - 1) * perPage
  const items = all.slice(start, start + perPage)
  const counted = !options.withoutCounts && all.length <= MAX_COUNTED_ITEMS
  const outOfRange = page > 1 && start >= all.length
  return {
    items,
    page,
    perPage,
    total: counted ? all.length : null,
    // An empty list still reports one page.
    totalPages: counted ? Math.max(1, Math.ceil(all.length / perPage)) : null,
    nextPage: start + perPage < all.length ? page + 1 : null,
    // Kaminari has no previous page once past the end.
    prevPage: page > 1 && !outOfRange ? page - 1 : null,
  }
}

export interface KeysetParams {
  perPage?: number
  cursor?: string
}

export interface KeysetPage<T> {
  items: T[]
  perPage: number
  nextCursor: string | null
}

/** Keyset paging over records already sorted by id descending, the only order GitLab supports. */
export function paginateKeyset<T extends { id: number }>(sortedDesc: readonly T[], params: KeysetParams): KeysetPage<T> {
  const perPage = effectivePerPage(params.perPage)
  const after = params.cursor === undefined ? undefined : decodeCursor(params.cursor)
  const remaining = after === undefined ? sortedDesc : sortedDesc.filter((record) => record.id < after)
  const items = remaining.slice(0, perPage)
  const last = items[items.length - 1]
  return {
    items,
    perPage,
    nextCursor: remaining.length > perPage && last ? encodeCursor(last.id) : null,
  }
}

/** Keyset is only served for `order_by=id` with `sort=desc`, which are also the defaults. */
export function requireKeysetOrder(orderBy: string | undefined, sort: string | undefined): void {
  if ((orderBy ?? 'id') !== 'id' || (sort ?? 'desc') !== 'desc') {
    throw new MethodNotAllowedError('Keyset pagination is not yet available for this type of request')
  }
}

/** GitLab's plan limit on offset paging of jobs (Plan default `offset_pagination_limit`). */
export const JOB_OFFSET_LIMIT = 50_000

/** GitLab compares the raw page × per_page with the limit, before any capping. */
export function requireOffsetWithinLimit(params: OffsetParams, resourceType: string): void {
  if ((params.page ?? 0) * (params.perPage ?? 0) > JOB_OFFSET_LIMIT) {
    throw new MethodNotAllowedError(
      `Offset pagination has a maximum allowed offset of ${JOB_OFFSET_LIMIT} for requests that return objects of type ${resourceType}. ` +
        'Remaining records can be retrieved using keyset pagination.',
    )
  }
}

// GitLab's cursors are base64 JSON of the last row's keys; clients must treat them as opaque.
function encodeCursor(id: number): string {
  return Buffer.from(JSON.stringify({ id: String(id), _kd: 'n' })).toString('base64url')
}

function decodeCursor(cursor: string): number {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    const id = typeof decoded === 'object' && decoded !== null && 'id' in decoded ? Number(decoded.id) : NaN
    if (Number.isInteger(id)) return id
  } catch {
    // falls through to the parameter error below
  }
  throw new ParamError('cursor is invalid')
}
