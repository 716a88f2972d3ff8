import { describe, expect, it } from 'vitest'
import { MethodNotAllowedError, ParamError } from '../../src/store/errors.js'
import { paginate, paginateKeyset, requireKeysetOrder, requireOffsetWithinLimit } from '../../src/store/pagination.js'

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1)

describe('offset pagination', () => {
  it('serves 20 per page by default, with next page and totals', () => {
    expect(paginate(range(45), {})).toEqual({
      items: range(20), page: 1, perPage: 20, total: 45, totalPages: 3, nextPage: 2, prevPage: null,
    })
  })

  it('serves the last partial page with a previous page and no next', () => {
    expect(paginate(range(45), { page: 3 })).toEqual({
      items: [41, 42, 43, 44, 45], page: 3, perPage: 20, total: 45, totalPages: 3, nextPage: null, prevPage: 2,
    })
  })

  it('answers a page past the end with nothing, keeping the asked page and no neighbours', () => {
    expect(paginate(range(5), { page: 4, perPage: 2 })).toEqual({
      items: [], page: 4, perPage: 2, total: 5, totalPages: 3, nextPage: null, prevPage: null,
    })
  })

  it('reports one page for an empty list', () => {
    expect(paginate([], {})).toEqual({ items: [], page: 1, perPage: 20, total: 0, totalPages: 1, nextPage: null, prevPage: null })
  })

  it('serves pages below 1 as page 1', () => {
    expect(paginate(range(3), { page: -2, perPage: 2 })).toMatchObject({ items: [1, 2], page: 1, nextPage: 2 })
  })

  it('caps per_page above 100 at 100', () => {
    expect(paginate(range(250), { perPage: 500 })).toMatchObject({ items: range(100), perPage: 100, totalPages: 3 })
  })

  it('falls back to 20 per page for a negative per_page', () => {
    expect(paginate(range(30), { perPage: -5 })).toMatchObject({ perPage: 20, totalPages: 2 })
  })

  it('refuses per_page=0 with the parameter error GitLab sends', () => {
    expect(() => paginate(range(3), { perPage: 0 })).toThrow(new ParamError('per_page has a value not allowed'))
  })

  it('omits counts above 10 000 items but still knows the next page', () => {
    expect(paginate(range(10_001), { page: 2, perPage: 100 })).toEqual({
      items: range(200).slice(100), page: 2, perPage: 100, total: null, totalPages: null, nextPage: 3, prevPage: 1,
    })
  })

  it('still counts exactly 10 000 items', () => {
    expect(paginate(range(10_000), { perPage: 100 })).toMatchObject({ total: 10_000, totalPages: 100 })
  })

  it('omits counts when told to', () => {
    expect(paginate(range(3), {}, { withoutCounts: true })).toMatchObject({ total: null, totalPages: null })
  })
})

describe('keyset pagination', () => {
  const jobs = range(5).reverse().map((id) => ({ id }))

  it('walks id-descending records with an opaque cursor until the end', () => {
    const first = paginateKeyset(jobs, { perPage: 2 })
    const second = paginateKeyset(jobs, { perPage: 2, cursor: first.nextCursor ?? '' })
    const third = paginateKeyset(jobs, { perPage: 2, cursor: second.nextCursor ?? '' })
    expect([first.items, second.items, third.items, third.nextCursor]).toEqual([
      [{ id: 5 }, { id: 4 }], [{ id: 3 }, { id: 2 }], [{ id: 1 }], null,
    ])
  })

  it('gives no cursor when everything fits', () => {
    expect(paginateKeyset(jobs, { perPage: 5 })).toEqual({ items: jobs, perPage: 5, nextCursor: null })
  })

  it('refuses a cursor it did not make', () => {
    expect(() => paginateKeyset(jobs, { cursor: 'not-a-cursor' })).toThrow(new ParamError('cursor is invalid'))
  })

  it.each([
    [undefined, undefined],
    ['id', 'desc'],
    ['id', undefined],
  ])('is served for order_by=%s sort=%s', (orderBy, sort) => {
    expect(requireKeysetOrder(orderBy, sort)).toBeUndefined()
  })

  it.each([
    ['id', 'asc'],
    [undefined, 'asc'],
    ['created_at', 'desc'],
  ])('is refused with 405 for order_by=%s sort=%s', (orderBy, sort) => {
    expect(() => requireKeysetOrder(orderBy, sort)).toThrow(
      new MethodNotAllowedError('Keyset pagination is not yet available for this type of request'),
    )
  })

  it('refuses offsets beyond 50 000 for jobs, pointing at keyset pagination', () => {
    expect(() => requireOffsetWithinLimit({ page: 501, perPage: 100 }, 'Ci::Build')).toThrow(
      new MethodNotAllowedError(
        'Offset pagination has a maximum allowed offset of 50000 for requests that return objects of type Ci::Build. Remaining records can be retrieved using keyset pagination.',
      ),
    )
  })
})
