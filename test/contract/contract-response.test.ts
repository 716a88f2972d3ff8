import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadContract, validateResponse, type Violation } from '../../src/contract/index.js'

const contract = loadContract(fileURLToPath(new URL('./fixtures/mini.yaml', import.meta.url)))
const listRunners = contract.getOperation('listRunners')
const json = { 'content-type': 'application/json; charset=utf-8' }
const pageHeaders = { ...json, 'X-Total': '1', 'X-Page': '1', 'X-Next-Page': '', Link: '<http://gitlab.example/api/v4/runners?page=1&per_page=20>; rel="first", <http://gitlab.example/api/v4/runners?page=1&per_page=20>; rel="last"' }
const runner = { id: 1, ip_address: null, paused: false, created_at: '2022-01-11T14:39:24.000Z', status: 'online' }
const base = { operationId: 'listRunners', status: 200 }

describe('response checks', () => {
  it('accepts a response that matches the contract', () => {
    expect(validateResponse(listRunners, 200, pageHeaders, [runner])).toEqual([])
  })

  it('flags a status the operation does not document', () => {
    expect(validateResponse(contract.getOperation('listAllRunners'), 500, json, { message: '500 Internal Server Error' })).toEqual([
      { operationId: 'listAllRunners', status: 500, where: 'status', instancePath: '', keyword: 'status', message: 'status 500 is not documented for listAllRunners (documented: 200)', expected: ['200'], actual: 500 },
    ])
  })

  it('matches a status by its range and by default', () => {
    expect(validateResponse(listRunners, 403, json, { message: '403 Forbidden' })).toEqual([])
    expect(validateResponse(contract.getOperation('getRunner'), 404, json, { message: '404 Runner Not Found' })).toEqual([])
  })

  it('flags a content type the response does not declare', () => {
    expect(validateResponse(listRunners, 200, { ...pageHeaders, 'content-type': 'text/html' }, '<html>')).toEqual([
      { ...base, where: 'content-type', instancePath: '', keyword: 'content-type', message: 'content type text/html is not one of application/json', expected: ['application/json'], actual: 'text/html' },
    ])
  })

  it('flags a body on a 204', () => {
    expect(validateResponse(contract.getOperation('deleteRunner'), 204, {}, { id: 1 })).toEqual([
      { operationId: 'deleteRunner', status: 204, where: 'body', instancePath: '', keyword: 'empty', message: 'status 204 has no body in the contract', actual: { id: 1 } },
    ])
    expect(validateResponse(contract.getOperation('deleteRunner'), 204, {}, undefined)).toEqual([])
  })

  it('checks required headers, integer headers, empty page headers and the Link format', () => {
    const headers = { ...json, 'x-total': 'many', 'x-next-page': '', link: '<http://gitlab.example/api/v4/runners?page=2>; rel=next' }
    expect(validateResponse(listRunners, 200, headers, [runner])).toEqual<Violation[]>([
      { ...base, where: 'header', instancePath: '/X-Total', keyword: 'type', message: 'header X-Total must be integer', expected: { type: 'integer' }, actual: 'many' },
      { ...base, where: 'header', instancePath: '/X-Page', keyword: 'required', message: 'header X-Page is missing', expected: 'X-Page' },
      { ...base, where: 'header', instancePath: '/Link', keyword: 'link', message: 'header Link is not a list of <URL>; rel="name" entries', actual: '<http://gitlab.example/api/v4/runners?page=2>; rel=next' },
    ])
  })
})

describe('body violations carry what the drift checker needs', () => {
  const check = (item: Record<string, unknown>): Violation[] => validateResponse(listRunners, 200, pageHeaders, [item])

  it('names a missing required property at its own pointer', () => {
    const withoutPaused: Record<string, unknown> = { ...runner }
    delete withoutPaused['paused']
    expect(check(withoutPaused)).toEqual([
      {
        ...base,
        where: 'body',
        instancePath: '/0/paused',
        keyword: 'required',
        message: "required property 'paused' is missing",
        schemaPath: '#/items/required',
        params: { missingProperty: 'paused' },
        expected: 'paused',
        gitlab: { 'x-gitlab-introduced': '14.8' },
        versionNote: 'introduced in GitLab 14.8',
      },
    ])
  })

  it('names an undocumented field, with the release that removed it', () => {
    expect(check({ ...runner, token: 'abc' })).toEqual([
      {
        ...base,
        where: 'body',
        instancePath: '/0/token',
        keyword: 'additionalProperties',
        message: "property 'token' is not in the contract",
        schemaPath: '#/items/additionalProperties',
        params: { additionalProperty: 'token' },
        actual: 'token',
        gitlab: { 'x-gitlab-removed-properties': { token: { type: 'string', 'x-gitlab-removed': '13.0' } }, 'x-gitlab-removed': '13.0' },
        versionNote: 'removed in GitLab 13.0',
      },
    ])
  })

  it('explains a value the contract says changed in a release', () => {
    expect(check({ ...runner, ip_address: '10.0.0.1' })).toEqual([
      {
        ...base,
        where: 'body',
        instancePath: '/0/ip_address',
        keyword: 'type',
        message: 'must be null',
        schemaPath: '#/items/properties/ip_address/type',
        params: { type: 'null' },
        expected: 'null',
        actual: '10.0.0.1',
        gitlab: { 'x-gitlab-changes': [{ version: '17.0', description: 'ip_address is always null', before: "the runner's address" }] },
        versionNote: 'GitLab 17.0: ip_address is always null',
      },
    ])
  })

  it('explains an enum value of an older release', () => {
    expect(check({ ...runner, status: 'not_connected' })).toEqual([
      {
        ...base,
        where: 'body',
        instancePath: '/0/status',
        keyword: 'enum',
        message: 'must be equal to one of the allowed values',
        schemaPath: '#/items/properties/status/enum',
        params: { allowedValues: ['online', 'offline', 'stale', 'never_contacted', 'paused'] },
        expected: ['online', 'offline', 'stale', 'never_contacted', 'paused'],
        actual: 'not_connected',
        gitlab: { 'x-gitlab-values': { not_connected: { removed: '15.0', description: 'the never-contacted state before 15.0' } } },
        versionNote: "'not_connected' removed in GitLab 15.0 (the never-contacted state before 15.0)",
      },
    ])
  })

  it('reports an unexpected null and a malformed timestamp', () => {
    expect(check({ ...runner, paused: null, created_at: 'yesterday' }).map(({ instancePath, keyword, actual, expected }) => ({ instancePath, keyword, actual, expected }))).toEqual([
      { instancePath: '/0/paused', keyword: 'type', actual: null, expected: 'boolean' },
      { instancePath: '/0/created_at', keyword: 'format', actual: 'yesterday', expected: 'date-time' },
    ])
  })
})

describe('timestamps', () => {
  const formatErrors = (createdAt: string) =>
    validateResponse(listRunners, 200, pageHeaders, [{ ...runner, created_at: createdAt }]).filter((violation) => violation.keyword === 'format').length

  // Answers are remembered per text (vocabulary.ts): seeing a timestamp again must not change its verdict.
  it.each([
    ['2024-02-29T10:00:00.000Z', 0],
    ['2025-02-29T10:00:00.000Z', 1],
    ['2025-04-31T10:00:00Z', 1],
    ['2025-06-02T23:59:60Z', 0],
    ['2025-06-02T22:59:60Z', 1],
    ['2016-12-31T23:59:60Z', 0],
    ['2025-06-02T12:00:00', 1],
    ['2025-06-02 12:00:00+02:00', 0],
  ])('judges %s the same the first and the second time', (text, errors) => {
    expect(formatErrors(text)).toBe(errors)
    expect(formatErrors(text)).toBe(errors)
  })
})

describe('the real contract', () => {
  const real = loadContract()
  const operation = real.getOperation('listRunners')
  const runners = Array.from({ length: 20 }, (_, index) => ({
    id: index + 1,
    description: `runner ${index + 1}`,
    ip_address: null,
    active: true,
    paused: false,
    is_shared: false,
    runner_type: 'project_type',
    name: 'gitlab-runner',
    online: true,
    created_at: '2022-01-11T14:39:24.000Z',
    status: 'online',
    job_execution_status: 'idle',
  }))
  const headers = {
    'content-type': 'application/json',
    'x-total': '20',
    'x-total-pages': '1',
    'x-per-page': '20',
    'x-page': '1',
    'x-next-page': '',
    'x-prev-page': '',
    link: '<http://127.0.0.1/api/v4/runners?page=1&per_page=20>; rel="first", <http://127.0.0.1/api/v4/runners?page=1&per_page=20>; rel="last"',
  }

  it('accepts a page of twenty runners', () => {
    expect(real.validateResponse(operation, 200, headers, runners)).toEqual([])
  })
})
