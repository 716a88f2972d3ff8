import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadContract } from '../../src/contract/index.js'
import { prismViolations } from '../../src/contract/prism.js'

const contract = loadContract(fileURLToPath(new URL('./fixtures/mini.yaml', import.meta.url)))
const runner = { id: 1, ip_address: null, paused: false, created_at: '2022-01-11T14:39:24.000Z', status: 'online' }
const headers = { 'content-type': 'application/json' }

describe('Prism as a second opinion', () => {
  it('accepts a runner that matches the contract', async () => {
    expect(await prismViolations(contract, { method: 'GET', path: '/api/v4/runners/1', status: 200, headers, body: runner })).toEqual([])
  })

  it('rejects a runner with a wrong type, in its own words', async () => {
    expect(await prismViolations(contract, { method: 'GET', path: '/api/v4/runners/1', status: 200, headers, body: { ...runner, paused: 'no' } })).toEqual([
      'getRunner 200 body.paused: Response body property paused must be boolean',
    ])
  })

  it('accepts the empty X-Next-Page GitLab sends on the last page, but not a missing one', async () => {
    const contract = loadContract()
    const page = { 'content-type': 'application/json', 'x-per-page': '20', 'x-page': '1', 'x-prev-page': '', link: '<http://h/api/v4/runners?page=1&per_page=20>; rel="first"' }
    const exchange = { method: 'GET', path: '/api/v4/runners', status: 200, body: [] }
    expect(await prismViolations(contract, { ...exchange, headers: { ...page, 'x-next-page': '' } })).toEqual([])
    expect(await prismViolations(contract, { ...exchange, headers: page })).toEqual([
      "listRunners 200 header: Response header must have required property 'x-next-page'",
    ])
  })

  it('says when no operation serves the request', async () => {
    expect(await prismViolations(contract, { method: 'PATCH', path: '/api/v4/runners/1', status: 200, headers, body: runner })).toEqual([
      'no operation of the contract serves PATCH /api/v4/runners/1',
    ])
  })
})
