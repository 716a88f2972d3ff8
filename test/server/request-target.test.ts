// Reading a request target without a URL object reads it as the WHATWG URL parser (which the
// pipeline used before) does: the same path for routing and the same parameters.
import { describe, expect, it } from 'vitest'
import { parseQuery } from '../../src/server/input.js'
import { pathOf, queryOf } from '../../src/server/request-target.js'

const TARGETS = [
  '/api/v4/runners',
  '/api/v4/runners/all?per_page=20&page=3',
  '/api/v4/runners?tag_list[]=a&tag_list[]=b&tag_list=c',
  '/api/v4/runners?private_token=x#top',
  '/api/v4/runners#frag?not=query',
  '/api/v4/runners?a=%zz&b=%E2%82%AC&c=+plus+&d=',
  '/api/v4/runners?&&=&x',
  '/api/v4/runners?q=a b"<>\'',
  '/api/v4/projects/a%2Fb/runners?x=1?y=2',
  '/api/v4/runners?caf\u00e9=\u00e9t\u00e9',
  '/api/v4/runners?',
  'http://127.0.0.1:4600/api/v4/runners/5?page=2',
]

describe('request targets read without a URL object', () => {
  it.each(TARGETS)('%s', (target) => {
    const url = new URL(target, 'http://mock.invalid')
    expect(pathOf(target)).toBe(target.startsWith('/') ? target.split(/[?#]/)[0] : url.pathname)
    expect(queryOf(target)).toEqual(parseQuery(url.search))
  })
})
