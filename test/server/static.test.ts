// `serve --static`: no state, answers from the contract's examples, a documented answer picked with
// Prism's `Prefer` header; requests are still validated and still need a credential.
import { describe, expect, it } from 'vitest'
import { loadContract } from '../../src/contract/index.js'
import { send, startTestMock } from '../helpers/start-mock.js'

const ANY_TOKEN = 'glpat-anything-at-all-000'

function example(path: string, method: string, status: string, name?: string): unknown {
  const document = loadContract().dereferenced as { paths: Record<string, Record<string, { responses: Record<string, { content: { 'application/json': { examples: Record<string, { value: unknown }> } } }> }>> }
  const examples = document.paths[path]![method]!.responses[status]!.content['application/json'].examples
  return (name ? examples[name] : Object.values(examples)[0])!.value
}

describe('static mode', async () => {
  const mock = await startTestMock({ static: true })

  it('answers a list with its documented example and pagination headers', async () => {
    const response = await mock.call('GET', '/runners/all', { token: ANY_TOKEN })
    expect(response.status).toBe(200)
    expect(response.body).toEqual(example('/runners/all', 'get', '200'))
    // The documented header examples describe page 2 of a longer list.
    expect(response.headers.get('x-page')).toBe('2')
  })

  it('keeps no state: an update answers its example and changes nothing', async () => {
    const before = await mock.call('GET', '/runners/6', { token: ANY_TOKEN })
    const updated = await mock.call('PUT', '/runners/6', { token: ANY_TOKEN, body: { description: 'not kept' } })
    const after = await mock.call('GET', '/runners/6', { token: ANY_TOKEN })
    expect(updated.status).toBe(200)
    expect(after.body).toEqual(before.body)
    expect(after.body).toEqual(example('/runners/{id}', 'get', '200'))
  })

  it('answers the documented 404 when asked with Prefer: code=404', async () => {
    const response = await mock.call('GET', '/runners/6', { token: ANY_TOKEN, headers: { Prefer: 'code=404' } })
    expect({ status: response.status, body: response.body }).toEqual({ status: 404, body: example('/runners/{id}', 'get', '404') })
  })

  it('still validates parameters and wants a credential', async () => {
    const invalid = await mock.call('GET', '/runners/all?type=bogus', { token: ANY_TOKEN })
    expect({ status: invalid.status, body: invalid.body }).toEqual({ status: 400, body: { error: 'type does not have a valid value' } })
    const anonymous = await mock.call('GET', '/runners/all')
    expect({ status: anonymous.status, body: anonymous.body }).toEqual({ status: 401, body: { message: '401 Unauthorized' } })
  })

  it('says so when an operation documents no such answer', async () => {
    const response = await send(mock.url, 'GET', '/runners/6', { token: ANY_TOKEN, headers: { Prefer: 'code=418' } })
    expect({ status: response.status, body: response.body }).toEqual({ status: 400, body: { error: 'getRunner documents no answer for Prefer: code=418' } })
  })
})
