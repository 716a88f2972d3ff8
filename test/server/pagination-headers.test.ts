// Link URLs are spliced from the request's parameters, encoded once per list. They must be the very
// text URLSearchParams writes for the merged, sorted parameters (the way they were built before),
// whatever the parameters hold: spaces, unicode, lone surrogates, arrays with repeats, numbers.
import { describe, expect, it } from 'vitest'
import { keysetHeaders, offsetHeaders, type LinkContext } from '../../src/server/pagination-headers.js'

/** The reference: every parameter and the overrides merged, keys sorted, written by URLSearchParams. */
function referenceUrl(link: LinkContext, overrides: Record<string, string>): string {
  const merged: Record<string, unknown> = { ...link.params, ...overrides }
  if ('cursor' in overrides) delete merged.page
  const query = new URLSearchParams()
  for (const key of Object.keys(merged).sort()) {
    const value = merged[key]
    if (value === undefined) continue
    if (Array.isArray(value)) for (const item of new Set(value.map(String))) query.append(`${key}[]`, item)
    else query.append(key, String(value))
  }
  return `${link.origin}${link.path}?${query.toString()}`
}

// A small seeded generator: the same cases every run.
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return state / 0x7fffffff
  }
}

const PIECES = ['a', 'Z', '0', ' ', '+', '&', '=', '?', '#', '%', '/', '*', '-', '.', '_', '~', '!', "'", '(', ')', 'é', '日', '😀', '\uD800', '\uDC00', '[', ']', ',']
const KEYS = ['page', 'per_page', 'cursor', 'paused', 'status', 'tag_list', 'type', 'id', 'scope', 'version_prefix', 'order_by', 'a b', 'ü', 'Page', 'pagination', '_x']

function text(next: () => number, max = 6): string {
  let out = ''
  for (let length = Math.floor(next() * max); length > 0; length--) out += PIECES[Math.floor(next() * PIECES.length)]
  return out
}

function value(next: () => number): unknown {
  const kind = Math.floor(next() * 6)
  if (kind === 0) return undefined
  if (kind === 1) return Math.floor(next() * 1000)
  if (kind === 2) return next() < 0.5
  if (kind === 3) return Array.from({ length: Math.floor(next() * 4) }, () => (next() < 0.3 ? 'dup' : text(next)))
  return text(next)
}

function params(next: () => number): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (let count = Math.floor(next() * 5); count > 0; count--) {
    const key = next() < 0.8 ? KEYS[Math.floor(next() * KEYS.length)]! : text(next, 4)
    out[key] = value(next)
  }
  return out
}

function linkOf(next: () => number): LinkContext {
  // Path over body over query, as the pipeline merges them.
  const query = params(next)
  const body = next() < 0.5 ? {} : params(next)
  const path = next() < 0.5 ? {} : { id: String(Math.floor(next() * 100)) }
  return { origin: next() < 0.5 ? 'http://127.0.0.1:4000' : 'https://mock.example', path: '/api/v4/runners/all', params: { ...query, ...body, ...path } }
}

describe('pagination links', () => {
  it('are the URLSearchParams text of the merged, sorted parameters for 2 000 generated requests', () => {
    const next = random(14)
    for (let round = 0; round < 2_000; round++) {
      const link = linkOf(next)
      const perPage = 1 + Math.floor(next() * 100)
      const page = 1 + Math.floor(next() * 5)
      const totalPages = next() < 0.3 ? null : page + Math.floor(next() * 3)
      const headers = offsetHeaders(
        { page, perPage, prevPage: page > 1 ? page - 1 : null, nextPage: totalPages === null || page < totalPages ? page + 1 : null, total: totalPages === null ? null : totalPages * perPage, totalPages },
        link,
      )
      const expected = [
        ...(page > 1 ? [`<${referenceUrl(link, { page: String(page - 1), per_page: String(perPage) })}>; rel="prev"`] : []),
        ...(totalPages === null || page < totalPages ? [`<${referenceUrl(link, { page: String(page + 1), per_page: String(perPage) })}>; rel="next"`] : []),
        `<${referenceUrl(link, { page: '1', per_page: String(perPage) })}>; rel="first"`,
        ...(totalPages === null ? [] : [`<${referenceUrl(link, { page: String(totalPages), per_page: String(perPage) })}>; rel="last"`]),
      ].join(', ')
      expect(headers.Link, JSON.stringify(link)).toBe(expected)
      // Asked again (headers are kept by what they are made from), with parameters equal but not the same object.
      const again = offsetHeaders(
        { page, perPage, prevPage: page > 1 ? page - 1 : null, nextPage: totalPages === null || page < totalPages ? page + 1 : null, total: totalPages === null ? null : totalPages * perPage, totalPages },
        { ...link, params: structuredClone(link.params) },
      )
      expect(again.Link, JSON.stringify(link)).toBe(expected)

      const cursor = text(next, 10)
      expect(keysetHeaders(cursor, perPage, link).Link).toBe(`<${referenceUrl(link, { cursor, per_page: String(perPage) })}>; rel="next"`)
    }
  })

  it('are kept per page and parameters: lookalike parameters never get each other\'s links', () => {
    const page = { page: 2, perPage: 20, prevPage: 1, nextPage: 3, total: 60, totalPages: 3 }
    const lookalikes: Record<string, unknown>[] = [{ x: ['a'] }, { x: 'a' }, { x: 'a,b' }, { x: ['a', 'b'] }, { x: '1' }, { x: 1 }, { x: true }, { x: 'true' }, { 'x[]': 'a' }, {}, { x: undefined }]
    const expected = lookalikes.map((params) => `<${referenceUrl({ origin: 'http://h', path: '/p', params }, { page: '1', per_page: '20' })}>; rel="first"`)
    for (let round = 0; round < 2; round++) {
      lookalikes.forEach((params, index) => expect(offsetHeaders(page, { origin: 'http://h', path: '/p', params }).Link, JSON.stringify(params)).toContain(expected[index]))
    }
    expect(offsetHeaders(page, { origin: 'http://h', path: '/p', params: {} }).Link).not.toBe(offsetHeaders(page, { origin: 'http://h', path: '/q', params: {} }).Link)
    expect(offsetHeaders(page, { origin: 'http://h', path: '/p', params: {} }).Link).not.toBe(offsetHeaders({ ...page, totalPages: 4 }, { origin: 'http://h', path: '/p', params: {} }).Link)
  })

  it('write page numbers past 2^53 as digits', () => {
    const link = linkOf(random(1))
    const headers = offsetHeaders({ page: 1e23, perPage: 20, prevPage: 1e23 - 1, nextPage: null, total: null, totalPages: null }, { ...link, params: {} })
    expect(headers['X-Page']).toBe('99999999999999991611392')
    expect(headers.Link).toContain('page=99999999999999991611392&per_page=20>; rel="prev"')
  })

  it('leave the Link header out of a last keyset page', () => {
    expect(keysetHeaders(null, 20, linkOf(random(2)))).toEqual({})
  })
})
