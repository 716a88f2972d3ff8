import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { loadContract, validateRequest, type RawRequest } from '../../src/contract/index.js'

const contract = loadContract(fileURLToPath(new URL('./fixtures/mini.yaml', import.meta.url)))
const request = (operationId: string, raw: Partial<RawRequest>) =>
  validateRequest(contract.getOperation(operationId), { path: {}, query: {}, body: undefined, ...raw })

describe('Grape messages for bad parameters', () => {
  it.each([
    ['an unknown enum value', { type: 'nope' }, 'type does not have a valid value'],
    ['a non-integer page', { page: 'two' }, 'page is invalid'],
    ['per_page=0', { per_page: '0' }, 'per_page has a value not allowed'],
    ['a boolean GitLab cannot read', { paused: 'maybe' }, 'paused is invalid'],
    ['a version_prefix that breaks the pattern', { version_prefix: 'V15' }, 'version_prefix is invalid'],
  ])('answers %s with its Grape text', (_case, query, error) => {
    expect(request('listRunners', { query })).toMatchObject({ ok: false, error })
  })

  it('joins several failures in declaration order', () => {
    expect(request('listRunners', { query: { per_page: '0', status: 'asleep', type: 'nope' } })).toMatchObject({
      ok: false,
      error: 'type does not have a valid value, status does not have a valid value, per_page has a value not allowed',
    })
  })

  it('says a required body parameter is missing', () => {
    expect(request('createUserRunner', { body: {} })).toEqual({
      ok: false,
      error: 'runner_type is missing',
      violations: [
        {
          operationId: 'createUserRunner',
          status: 400,
          where: 'parameter',
          instancePath: '/runner_type',
          keyword: 'required',
          message: 'runner_type is missing',
          schemaPath: '#/required',
          params: { missingProperty: 'runner_type' },
        },
      ],
    })
  })

  it('says group_id is missing when a group runner is created without one', () => {
    expect(request('createUserRunner', { body: { runner_type: 'group_type' } })).toMatchObject({ ok: false, error: 'group_id is missing' })
  })

  it('names a nested form parameter the way Grape does', () => {
    expect(request('createUserRunner', { body: { runner_type: 'instance_type', 'info[name]': ['a', 'b'], info: { version: 3 } } })).toMatchObject({
      ok: true,
      params: { runner_type: 'instance_type', info: { name: 'b', version: '3' }, run_untagged: true },
    })
    expect(request('createUserRunner', { body: { runner_type: 'instance_type', info: { name: { first: 'x' } } } })).toMatchObject({ ok: false, error: 'info[name] is invalid' })
  })

  it('answers active with paused as mutually exclusive', () => {
    expect(request('updateRunner', { path: { id: '3' }, body: { active: 'true', paused: false } })).toEqual({
      ok: false,
      error: 'active, paused are mutually exclusive',
      violations: [
        { operationId: 'updateRunner', status: 400, where: 'parameter', instancePath: '', keyword: 'x-gitlab-mutually-exclusive', message: 'active, paused are mutually exclusive', expected: ['active', 'paused'] },
      ],
    })
  })

  it('asks for at least one updatable parameter, after the failures of single parameters', () => {
    expect(request('updateRunner', { path: { id: 'abc' }, body: { unknown: 1 } })).toMatchObject({
      ok: false,
      error: 'id is invalid, description, active, paused, tag_list, maximum_timeout are missing, at least one parameter must be provided',
    })
  })
})

describe('coercion like Grape', () => {
  it('merges query, body and path, drops undeclared parameters and fills defaults', () => {
    expect(request('updateRunner', { path: { id: '12' }, query: { description: 'from query', private_token: 'secret' }, body: { maximum_timeout: '3600', junk: true } })).toEqual({
      ok: true,
      params: { id: 12, description: 'from query', maximum_timeout: 3600 },
    })
    expect(request('listRunners', {})).toEqual({ ok: true, params: { page: 1, per_page: 20 } })
  })

  it('lets the body override the query and the path override both', () => {
    expect(request('updateRunner', { path: { id: '12' }, query: { description: 'query', id: '99' }, body: { description: 'body', id: 98 } })).toEqual({
      ok: true,
      params: { id: 12, description: 'body' },
    })
  })

  it.each([
    ['ruby, mysql', ['ruby', 'mysql']],
    [['ruby', 'mysql'], ['ruby', 'mysql']],
    [['ruby,mysql', ' ruby ', ''], ['ruby', 'mysql']],
    ['', []],
  ])('reads tag_list %j as %j', (tagList, expected) => {
    expect(request('listRunners', { query: { tag_list: tagList } })).toEqual({ ok: true, params: { tag_list: expected, page: 1, per_page: 20 } })
  })

  it.each([
    ['true', true],
    ['false', false],
    ['1', true],
    ['0', false],
    ['yes', true],
    ['no', false],
    ['t', true],
    ['f', false],
    ['on', true],
    ['off', false],
  ])('reads the boolean %s as %s', (paused, expected) => {
    expect(request('listRunners', { query: { paused } })).toEqual({ ok: true, params: { paused: expected, page: 1, per_page: 20 } })
  })

  it('keeps the last of repeated scalar parameters, as Rack does', () => {
    expect(request('listRunners', { query: { status: ['offline', 'online'] } })).toEqual({ ok: true, params: { status: 'online', page: 1, per_page: 20 } })
  })

  it('treats an empty integer as not given', () => {
    expect(request('listRunners', { query: { page: '' } })).toEqual({ ok: true, params: { page: 1, per_page: 20 } })
  })

  it.each([
    ['12', 12],
    ['gitlab-org/gitlab', 'gitlab-org/gitlab'],
  ])('reads project id %s as %j', (id, expected) => {
    expect(request('listProjectRunners', { path: { id } })).toEqual({ ok: true, params: { id: expected } })
  })
})

describe('the real contract', () => {
  const real = loadContract()
  const check = (operationId: string, raw: Partial<RawRequest>) => real.validateRequest(real.getOperation(operationId), { path: {}, query: {}, body: undefined, ...raw })

  it('answers an empty update with the full at-least-one-of list', () => {
    expect(check('updateRunner', { path: { id: '1' }, body: {} })).toMatchObject({
      ok: false,
      error: 'description, active, paused, tag_list, run_untagged, locked, access_level, maximum_timeout, maintenance_note are missing, at least one parameter must be provided',
    })
  })

  it('answers bad list filters as GitLab does', () => {
    expect(check('listRunners', { query: { type: 'x', status: 'y', per_page: '0' } })).toMatchObject({
      ok: false,
      error: 'type does not have a valid value, status does not have a valid value, per_page has a value not allowed',
    })
  })

  it('says token is missing on registration', () => {
    expect(check('registerRunner', { body: {} })).toMatchObject({ ok: false, error: 'token is missing' })
  })
})
