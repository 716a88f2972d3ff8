// Pins the shape of openapi/gitlab-runners.yaml the whole team codes against: the 22 operations
// with their operationIds, parameters, bodies and statuses, and the document-wide rules the mock
// and the drift checker read from it (closed entities, field order, version facts).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'

type Json = Record<string, unknown>

const specFile = fileURLToPath(new URL('../../openapi/gitlab-runners.yaml', import.meta.url))

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function object(value: unknown, what: string): Json {
  if (!isObject(value)) throw new Error(`${what} is not an object`)
  return value
}

const document = object(parse(readFileSync(specFile, 'utf8')), 'the document')
const paths = object(document['paths'], 'paths')
const components = object(document['components'], 'components')
const schemas = object(components['schemas'], 'components.schemas')

function deref(node: unknown): Json {
  const resolved = object(node, 'a node')
  const ref = resolved['$ref']
  if (typeof ref !== 'string') return resolved
  const target = ref
    .slice(2)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce<unknown>((at, segment) => object(at, ref)[segment], document)
  return deref(target)
}

function operationAt(method: string, path: string): Json {
  return object(object(paths[path], path)[method.toLowerCase()], `${method} ${path}`)
}

// Path-level parameters first, then the operation's own: the order GitLab declares them in.
function parameterNames(method: string, path: string): string[] {
  const pathItem = object(paths[path], path)
  const declared = [...((pathItem['parameters'] as unknown[] | undefined) ?? []), ...((operationAt(method, path)['parameters'] as unknown[] | undefined) ?? [])]
  return declared.map((parameter) => {
    const resolved = deref(parameter)
    return `${String(resolved['in'])}:${String(resolved['name'])}`
  })
}

function requestSchema(method: string, path: string): { mediaTypes: string[]; schemas: string[] } | undefined {
  const body = operationAt(method, path)['requestBody']
  if (body === undefined) return undefined
  const content = object(deref(body)['content'], `${method} ${path} requestBody.content`)
  return {
    mediaTypes: Object.keys(content),
    schemas: [...new Set(Object.values(content).map((mediaType) => String(object(object(mediaType, 'media type')['schema'], 'schema')['$ref'])))],
  }
}

const q = (name: string) => `query:${name}`
const runnerFilters = [q('type'), q('status'), q('paused'), q('tag_list'), q('version_prefix'), q('page'), q('per_page')]

// given: method, path; want: operationId, parameters (in:name, in order), request schema, statuses.
const operations: [string, string, string, string[], string | undefined, string[]][] = [
  ['GET', '/runners', 'listRunners', [q('scope'), ...runnerFilters], undefined, ['200', '400', '401', '403']],
  ['GET', '/runners/all', 'listAllRunners', [q('scope'), ...runnerFilters], undefined, ['200', '400', '401', '403']],
  ['GET', '/runners/{id}', 'getRunner', ['path:id', q('include_projects')], undefined, ['200', '400', '401', '403', '404']],
  ['PUT', '/runners/{id}', 'updateRunner', ['path:id'], 'UpdateRunnerRequest', ['200', '400', '401', '403', '404']],
  ['DELETE', '/runners/{id}', 'deleteRunner', ['path:id', 'header:If-Unmodified-Since'], undefined, ['204', '400', '401', '403', '404', '412']],
  [
    'GET', '/runners/{id}/jobs', 'listRunnerJobs',
    ['path:id', q('status'), q('order_by'), q('sort'), q('system_id'), q('cursor'), q('pagination'), q('page'), q('per_page')],
    undefined, ['200', '400', '401', '403', '404', '405'],
  ],
  ['GET', '/runners/{id}/managers', 'listRunnerManagers', ['path:id'], undefined, ['200', '400', '401', '403', '404']],
  ['GET', '/runners/{id}/projects', 'listRunnerProjects', ['path:id', q('page'), q('per_page')], undefined, ['200', '400', '401', '403', '404']],
  ['GET', '/projects/{id}/runners', 'listProjectRunners', ['path:id', q('scope'), ...runnerFilters], undefined, ['200', '400', '401', '403', '404']],
  ['POST', '/projects/{id}/runners', 'assignProjectRunner', ['path:id'], 'AssignProjectRunnerRequest', ['201', '400', '401', '403', '404']],
  [
    'DELETE', '/projects/{id}/runners/{runner_id}', 'unassignProjectRunner',
    ['path:id', 'path:runner_id', 'header:If-Unmodified-Since'], undefined, ['204', '400', '401', '403', '404', '412'],
  ],
  ['GET', '/groups/{id}/runners', 'listGroupRunners', ['path:id', ...runnerFilters], undefined, ['200', '400', '401', '403', '404']],
  ['POST', '/runners', 'registerRunner', [], 'RegisterRunnerRequest', ['201', '400', '403', '410', '429']],
  ['DELETE', '/runners', 'deleteRunnerByToken', ['header:If-Unmodified-Since'], 'DeleteRunnerByTokenRequest', ['204', '400', '403', '412', '429']],
  ['POST', '/runners/verify', 'verifyRunner', [], 'VerifyRunnerRequest', ['200', '400', '403', '422', '429']],
  [
    'POST', '/runners/reset_authentication_token', 'resetRunnerAuthenticationTokenByToken',
    [], 'ResetRunnerAuthenticationTokenByTokenRequest', ['201', '400', '403', '429'],
  ],
  ['POST', '/runners/{id}/reset_authentication_token', 'resetRunnerAuthenticationToken', ['path:id'], undefined, ['201', '400', '401', '403', '404', '422']],
  ['POST', '/runners/reset_registration_token', 'resetInstanceRegistrationToken', [], undefined, ['201', '401', '403']],
  ['POST', '/projects/{id}/runners/reset_registration_token', 'resetProjectRegistrationToken', ['path:id'], undefined, ['201', '401', '403', '404']],
  ['POST', '/groups/{id}/runners/reset_registration_token', 'resetGroupRegistrationToken', ['path:id'], undefined, ['201', '401', '403', '404']],
  ['POST', '/user/runners', 'createUserRunner', [], 'CreateUserRunnerRequest', ['201', '400', '401', '403']],
  ['GET', '/version', 'getVersion', [], undefined, ['200', '401', '403']],
]

const runnerTokenOperations = ['registerRunner', 'deleteRunnerByToken', 'verifyRunner', 'resetRunnerAuthenticationTokenByToken']

describe('the 22 operations', () => {
  it('are exactly the Runners endpoints and GET /version, no more', () => {
    const present = Object.entries(paths).flatMap(([path, pathItem]) =>
      Object.keys(object(pathItem, path))
        .filter((key) => ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'].includes(key))
        .map((method) => `${method.toUpperCase()} ${path}`),
    )
    expect(present.sort()).toEqual(operations.map(([method, path]) => `${method} ${path}`).sort())
  })

  describe.each(operations)('%s %s', (method, path, operationId, parameters, body, statuses) => {
    it(`is ${operationId}`, () => {
      expect(operationAt(method, path)['operationId']).toBe(operationId)
    })

    it('declares its parameters in GitLab order', () => {
      expect(parameterNames(method, path)).toEqual(parameters)
    })

    it('takes its body as JSON, form and multipart with one schema', () => {
      expect(requestSchema(method, path)).toEqual(
        body === undefined ? undefined : { mediaTypes: ['application/json', 'application/x-www-form-urlencoded', 'multipart/form-data'], schemas: [`#/components/schemas/${body}`] },
      )
    })

    it('documents every status GitLab answers with', () => {
      expect(Object.keys(object(operationAt(method, path)['responses'], 'responses'))).toEqual(statuses)
    })

    it('gives every status a JSON schema, except a 204 which has no body', () => {
      const responses = object(operationAt(method, path)['responses'], 'responses')
      const shapes = Object.entries(responses).map(([status, response]) => {
        const content = deref(response)['content']
        return [status, isObject(content) ? Object.keys(content).filter((type) => 'schema' in object(content[type], type)) : []]
      })
      expect(shapes).toEqual(statuses.map((status) => [status, status === '204' ? [] : ['application/json']]))
    })

    it(runnerTokenOperations.includes(operationId) ? 'authenticates by the runner token, not user credentials' : 'takes user credentials', () => {
      expect(operationAt(method, path)['security']).toEqual(runnerTokenOperations.includes(operationId) ? [] : undefined)
    })

    it('says since when GitLab has it: a release, or a window of releases', () => {
      const introduced = operationAt(method, path)['x-gitlab-introduced']
      if (isObject(introduced)) expect(introduced).toEqual({ from: expect.stringMatching(/^\d+\.\d+$/), to: expect.stringMatching(/^\d+\.\d+$/) })
      else expect(introduced).toMatch(/^\d+\.\d+$/)
    })
  })

  it('answers every POST with 201, except verify which answers 200', () => {
    const successes = operations
      .filter(([method]) => method === 'POST')
      .map(([method, path, operationId]) => [operationId, Object.keys(object(operationAt(method, path)['responses'], 'responses')).filter((status) => status.startsWith('2'))[0]])
    expect(successes).toEqual([
      ['assignProjectRunner', '201'],
      ['registerRunner', '201'],
      ['verifyRunner', '200'],
      ['resetRunnerAuthenticationTokenByToken', '201'],
      ['resetRunnerAuthenticationToken', '201'],
      ['resetInstanceRegistrationToken', '201'],
      ['resetProjectRegistrationToken', '201'],
      ['resetGroupRegistrationToken', '201'],
      ['createUserRunner', '201'],
    ])
  })

  it('sends the pagination headers on every paginated list, totals optional', () => {
    const paginated = ['/runners', '/runners/all', '/runners/{id}/jobs', '/runners/{id}/projects', '/projects/{id}/runners', '/groups/{id}/runners']
    const headers = paginated.map((path) => {
      const declared = object(deref(object(operationAt('GET', path)['responses'], 'responses')['200'])['headers'], `${path} headers`)
      return [path, Object.fromEntries(Object.entries(declared).map(([name, header]) => [name, deref(header)['required'] ?? false]))]
    })
    const offset = { 'X-Total': false, 'X-Total-Pages': false, 'X-Per-Page': true, 'X-Page': true, 'X-Next-Page': true, 'X-Prev-Page': true, Link: true }
    // Keyset pages on jobs carry only a Link, and only when more records exist.
    const jobs = { ...offset, 'X-Per-Page': false, 'X-Page': false, 'X-Next-Page': false, 'X-Prev-Page': false, Link: false }
    expect(headers).toEqual(paginated.map((path) => [path, path === '/runners/{id}/jobs' ? jobs : offset]))
  })

  it('does not paginate the managers list', () => {
    expect(deref(object(operationAt('GET', '/runners/{id}/managers')['responses'], 'responses')['200'])['headers']).toBeUndefined()
  })
})

describe('parameters', () => {
  const parameter = (name: string) => object(object(components['parameters'], 'parameters')[name], name)

  it.each([
    ['Page', { type: 'integer', default: 1 }],
    ['PerPage', { type: 'integer', default: 20, not: { const: 0 } }],
    ['RunnerId', { type: 'integer' }],
    ['RunnerIdOfProject', { type: 'integer' }],
    ['ProjectId', { oneOf: [{ type: 'integer' }, { type: 'string' }] }],
    ['GroupId', { oneOf: [{ type: 'integer' }, { type: 'string' }] }],
    ['PausedFilter', { type: 'boolean' }],
    ['IncludeProjects', { type: 'boolean', default: true }],
    ['VersionPrefix', { type: 'string', pattern: '^[0-9+.]' }],
    ['TagListFilter', { $ref: '#/components/schemas/TagList' }],
    ['JobsSort', { type: 'string', enum: ['asc', 'desc'], default: 'desc' }],
  ])('%s is typed as GitLab coerces it', (name, schema) => {
    expect(parameter(name)['schema']).toEqual(schema)
  })

  it('marks scope deprecated and lists its eleven values', () => {
    const scope = parameter('Scope')
    expect([scope['deprecated'], object(scope['schema'], 'schema')['enum']]).toEqual([
      true,
      ['specific', 'shared', 'instance_type', 'group_type', 'project_type', 'active', 'paused', 'online', 'offline', 'never_contacted', 'stale'],
    ])
  })

  it('describes every parameter', () => {
    const undescribed = Object.entries(object(components['parameters'], 'parameters'))
      .filter(([, value]) => typeof object(value, 'parameter')['description'] !== 'string')
      .map(([name]) => name)
    expect(undescribed).toEqual([])
  })
})

describe('request schemas', () => {
  it('carries the Grape rules of PUT /runners/{id} in GitLab order', () => {
    const update = object(schemas['UpdateRunnerRequest'], 'UpdateRunnerRequest')
    expect([update['x-gitlab-mutually-exclusive'], update['x-gitlab-at-least-one-of']]).toEqual([
      [['active', 'paused']],
      ['description', 'active', 'paused', 'tag_list', 'run_untagged', 'locked', 'access_level', 'maximum_timeout', 'maintenance_note'],
    ])
  })

  it('makes the two spellings of the maintenance note exclusive at registration', () => {
    expect(object(schemas['RegisterRunnerRequest'], 'RegisterRunnerRequest')['x-gitlab-mutually-exclusive']).toEqual([
      ['active', 'paused'],
      ['maintainer_note', 'maintenance_note'],
    ])
  })

  it('stays open, because GitLab ignores parameters it does not declare', () => {
    const requests = Object.keys(schemas).filter((name) => name.endsWith('Request'))
    expect(requests.map((name) => [name, object(schemas[name], name)['additionalProperties']])).toEqual(requests.map((name) => [name, undefined]))
  })
})

describe('entities', () => {
  const schema = (name: string) => object(schemas[name], name)

  it('closes runner entities, token results and error bodies so undocumented fields show up as drift', () => {
    const closed = [
      'Runner', 'RunnerDetails', 'RunnerManager', 'RunnerJob', 'JobPipeline', 'JobProject', 'UserBasic', 'BasicGroupDetails',
      'RunnerRegistrationDetails', 'RunnerAuthenticationToken', 'RegistrationToken', 'MessageError', 'ValidationError', 'ParamError', 'OAuthError',
    ]
    expect(closed.map((name) => [name, schema(name)['additionalProperties']])).toEqual(closed.map((name) => [name, false]))
  })

  it('leaves the job user, commit and project summary open, as their keys change between releases', () => {
    const open = ['JobUser', 'JobCommit', 'BasicProjectDetails', 'ProjectNamespace']
    expect(open.map((name) => [name, schema(name)['additionalProperties']])).toEqual(open.map((name) => [name, undefined]))
  })

  it('lists runner fields in the order GitLab emits them', () => {
    expect(Object.keys(object(schema('Runner')['properties'], 'properties'))).toEqual([
      'id', 'description', 'ip_address', 'active', 'paused', 'is_shared', 'runner_type', 'name', 'online', 'created_by', 'created_at', 'status', 'job_execution_status',
    ])
  })

  it('starts runner details with every runner field, unchanged, then the details', () => {
    const runner = object(schema('Runner')['properties'], 'Runner properties')
    const details = object(schema('RunnerDetails')['properties'], 'RunnerDetails properties')
    const [shared, rest] = [Object.entries(details).slice(0, Object.keys(runner).length), Object.keys(details).slice(Object.keys(runner).length)]
    expect([Object.fromEntries(shared), rest]).toEqual([
      runner,
      ['tag_list', 'run_untagged', 'locked', 'maximum_timeout', 'access_level', 'version', 'revision', 'platform', 'architecture', 'contacted_at', 'maintenance_note', 'projects', 'groups'],
    ])
  })

  it.each([
    ['Runner', ['created_by']],
    ['RunnerDetails', ['created_by', 'projects']],
    ['RunnerJob', ['failure_reason']],
    ['RunnerManager', []],
    ['RunnerRegistrationDetails', []],
    ['RunnerAuthenticationToken', []],
  ])('requires every %s key GitLab always sends (optional: %j)', (name, optional) => {
    const properties = Object.keys(object(schema(name)['properties'], `${name} properties`))
    expect(schema(name)['required']).toEqual(properties.filter((key) => !optional.includes(key)))
  })

  it.each([
    ['Runner', 'ip_address', 'null'],
    ['Runner', 'online', ['boolean', 'null']],
    ['RunnerDetails', 'contacted_at', ['string', 'null']],
    ['RunnerDetails', 'maximum_timeout', ['integer', 'null']],
    ['RunnerRegistrationDetails', 'token_expires_at', ['string', 'null']],
    ['RunnerAuthenticationToken', 'token_expires_at', ['string', 'null']],
  ])('lets %s.%s be null, as GitLab sends it', (name, property, type) => {
    expect(object(object(schema(name)['properties'], 'properties')[property], property)['type']).toEqual(type)
  })

  it('records the fields GitLab removed, with the release that removed them', () => {
    const removed = (name: string) => object(schema(name)['x-gitlab-removed-properties'], name)
    expect([object(removed('RunnerDetails')['token'], 'token')['x-gitlab-removed'], object(removed('RunnerJob')['ip_address'], 'ip_address')['x-gitlab-removed']]).toEqual(['13.0', { from: '13.0', to: '16.1' }])
  })

  it('records that never-contacted runners reported not_connected before 15.0', () => {
    expect(object(schema('RunnerStatus')['x-gitlab-values'], 'values')['not_connected']).toEqual({ removed: '15.0', description: 'the never-contacted state before 15.0' })
  })
})

describe('version facts', () => {
  interface Fact {
    at: string
    node: Json
  }
  const facts: Fact[] = []
  ;(function collect(node: unknown, at: string): void {
    if (Array.isArray(node)) return node.forEach((item, index) => collect(item, `${at}/${index}`))
    if (!isObject(node)) return
    if (Object.keys(node).some((key) => key.startsWith('x-gitlab-'))) facts.push({ at, node })
    for (const [key, value] of Object.entries(node)) collect(value, `${at}/${key}`)
  })(document, '#')
  const release = (version: unknown) => String(isObject(version) ? version['from'] : version).split('.').map(Number) as [number, number]
  const before = (a: unknown, b: unknown) => {
    const [[aMajor, aMinor], [bMajor, bMinor]] = [release(a), release(b)]
    return aMajor < bMajor || (aMajor === bMajor && aMinor < bMinor)
  }

  it('lists every change of meaning in release order', () => {
    const unordered = facts
      .filter(({ node }) => Array.isArray(node['x-gitlab-changes']))
      .filter(({ node }) => (node['x-gitlab-changes'] as Json[]).some((change, index, all) => index > 0 && before(change['version'], all[index - 1]?.['version'])))
      .map(({ at }) => at)
    expect(unordered).toEqual([])
  })

  it('never deprecates or removes before introducing', () => {
    const impossible = facts
      .filter(({ node }) => 'x-gitlab-introduced' in node)
      .filter(({ node }) => ['x-gitlab-deprecated', 'x-gitlab-removed'].some((key) => key in node && before(node[key], node['x-gitlab-introduced'])))
      .map(({ at }) => at)
    expect(impossible).toEqual([])
  })

  it('carries no guessed minor: an unconfirmed release is a window, never a lone flag', () => {
    expect(facts.filter(({ node }) => 'x-gitlab-unconfirmed' in node).map(({ at }) => at)).toEqual([])
  })

  it.each([
    ['Runner.ip_address', ['Runner', 'ip_address'], { 'x-gitlab-deprecated': '16.1', version: '17.0', after: 'null' }],
    ['Runner.paused', ['Runner', 'paused'], { 'x-gitlab-introduced': '14.8' }],
    ['Runner.active', ['Runner', 'active'], { 'x-gitlab-deprecated': '14.8' }],
    ['RunnerDetails.version', ['RunnerDetails', 'version'], { 'x-gitlab-deprecated': '17.0', version: '17.0', after: "the latest runner manager's value" }],
  ])('dates %s as GitLab changed it', (_name, [schemaName, property], want) => {
    const node = object(object(object(schemas[schemaName ?? ''], 'schema')['properties'], 'properties')[property ?? ''], 'property')
    const firstChange = Array.isArray(node['x-gitlab-changes']) ? object(node['x-gitlab-changes'][0], 'change') : {}
    const got = Object.fromEntries(Object.keys(want).map((key) => [key, key.startsWith('x-gitlab-') ? node[key] : firstChange[key]]))
    expect(got).toEqual(want)
  })

  it('dates the operations GitLab added late and the deprecated registration workflow', () => {
    const dated = operations.map(([method, path, operationId]) => {
      const operation = operationAt(method, path)
      return [operationId, operation['x-gitlab-introduced'], operation['x-gitlab-deprecated'] ?? null]
    })
    expect(dated.filter(([, introduced, deprecated]) => introduced !== '8.5' || deprecated !== null)).toEqual([
      ['listRunnerJobs', '10.3', null],
      ['listRunnerManagers', { from: '17.0', to: '17.11' }, null],
      ['listRunnerProjects', { from: '18.0', to: '18.6' }, null],
      ['listGroupRunners', { from: '12.0', to: '14.8' }, null],
      ['registerRunner', '8.5', '15.6'],
      ['verifyRunner', { from: '10.0', to: '11.0' }, null],
      ['resetRunnerAuthenticationTokenByToken', '14.3', null],
      ['resetRunnerAuthenticationToken', '14.3', null],
      ['resetInstanceRegistrationToken', '14.3', '15.7'],
      ['resetProjectRegistrationToken', '14.3', '15.7'],
      ['resetGroupRegistrationToken', '14.3', '15.7'],
      ['createUserRunner', { from: '15.9', to: '15.11' }, null],
      ['getVersion', '8.13', null],
    ])
  })
})
