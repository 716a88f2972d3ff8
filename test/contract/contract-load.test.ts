import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { ContractError, contractKeywords, findOperation, loadContract, type Contract } from '../../src/contract/index.js'

const fixture = (name: string): string => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url))

function problemsOf(file: string): string {
  try {
    loadContract(fixture(file))
  } catch (error) {
    expect(error).toBeInstanceOf(ContractError)
    return (error as ContractError).message
  }
  throw new Error(`${file} loaded`)
}

describe('loadContract on broken documents', () => {
  it('names the line of a YAML syntax error', () => {
    expect(problemsOf('bad-yaml.yaml')).toBe(
      'test/contract/fixtures/bad-yaml.yaml:12: YAML: All mapping items must start at the same column\n' +
        'test/contract/fixtures/bad-yaml.yaml:13: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    )
  })

  it('names the operation that lacks an operationId', () => {
    expect(problemsOf('missing-operation-id.yaml')).toBe('test/contract/fixtures/missing-operation-id.yaml:7 #/paths/~1runners/get: operationId is missing')
  })

  it('names the pointer of a $ref that resolves to nothing', () => {
    expect(problemsOf('dangling-ref.yaml')).toBe(
      "test/contract/fixtures/dangling-ref.yaml:14 #/paths/~1runners/get/responses/200/content/application~1json/schema: $ref '#/components/schemas/Nope' does not resolve",
    )
  })

  it('reports an invalid keyword value once, inside the component that holds it', () => {
    expect(problemsOf('invalid-keyword-value.yaml')).toBe(
      'test/contract/fixtures/invalid-keyword-value.yaml:22 #/components/schemas/Runner/properties/id/type: invalid schema: type must be equal to one of the allowed values (got "integr")',
    )
  })

  it('fails loudly on a typo in an x-gitlab keyword', () => {
    expect(problemsOf('unknown-keyword.yaml')).toBe(
      `test/contract/fixtures/unknown-keyword.yaml:23 #/components/schemas/Runner/properties/id/x-gitlab-introduce: unknown keyword 'x-gitlab-introduce' (a typo? keywords beyond JSON Schema 2020-12: ${contractKeywords.join(', ')})`,
    )
  })

  it('defers the strict schema check to first use when asked to (the mock, for the contract it ships)', () => {
    const contract = loadContract(fixture('unknown-keyword.yaml'), { checkSchemas: false })
    const operation = [...contract.operations.values()][0]!
    // A check that walks no body compiles no body schema.
    expect(contract.validateResponse(operation, 200, {}, {})).toHaveLength(1)
    expect(() => contract.validateResponse(operation, 200, { 'content-type': 'application/json' }, {})).toThrow('unknown keyword: "x-gitlab-introduce"')
  })

  it('refuses an OpenAPI 3.0 document', () => {
    expect(problemsOf('wrong-version.yaml')).toBe('test/contract/fixtures/wrong-version.yaml:1 #/openapi: openapi must be 3.1.x, got "3.0.3"')
  })

  it('says which file it could not read', () => {
    expect(problemsOf('absent.yaml')).toBe('test/contract/fixtures/absent.yaml: cannot read the contract (ENOENT)')
  })
})

describe('operation lookup', () => {
  const contract: Contract = loadContract(fixture('mini.yaml'))

  it.each([
    ['GET', '/api/v4/runners', 'listRunners', {}],
    ['GET', '/api/v4/runners/all', 'listAllRunners', {}],
    ['GET', '/api/v4/runners/12', 'getRunner', { id: '12' }],
    ['PUT', '/api/v4/runners/12?private_token=x', 'updateRunner', { id: '12' }],
    ['delete', '/runners/7', 'deleteRunner', { id: '7' }],
    ['GET', '/api/v4/projects/gitlab-org%2Fgitlab/runners', 'listProjectRunners', { id: 'gitlab-org/gitlab' }],
  ])('routes %s %s to %s', (method, path, operationId, pathParams) => {
    const match = contract.findOperation(method, path)
    expect({ operationId: match?.operation.operationId, pathParams: match?.pathParams }).toEqual({ operationId, pathParams })
  })

  it.each([
    ['POST', '/api/v4/runners/all'],
    ['GET', '/api/v4/projects/a/b/runners'],
    ['GET', '/api/v4/runners/12/unknown'],
    ['GET', '/api/v4/runners/%zz'],
  ])('finds nothing for %s %s, which GitLab answers with 404', (method, path) => {
    expect(findOperation(contract, method, path)).toBeUndefined()
  })

  it('records what an operation declares', () => {
    const { requestBody, responses, ...rest } = contract.getOperation('updateRunner')
    expect(rest).toEqual({
      operationId: 'updateRunner',
      method: 'put',
      path: '/runners/{id}',
      pointer: '#/paths/~1runners~1{id}/put',
      summary: undefined,
      tags: [],
      deprecated: false,
      parameters: [{ name: 'id', in: 'path', required: true, deprecated: false, schema: { type: 'integer' }, gitlab: {} }],
      security: [{ privateTokenHeader: [] }],
      gitlab: {},
    })
    expect(Object.keys(requestBody?.content ?? {})).toEqual(['application/json', 'application/x-www-form-urlencoded'])
    expect(requestBody?.schema).toMatchObject({ 'x-gitlab-at-least-one-of': ['description', 'active', 'paused', 'tag_list', 'maximum_timeout'] })
    expect(Object.keys(responses)).toEqual(['200'])
  })

  it('keeps the document as written for serving, and a dereferenced copy', () => {
    const get = (root: Record<string, unknown>): unknown => (root['paths'] as Record<string, Record<string, Record<string, unknown>>>)['/runners/{id}']!['get']!['responses']
    expect((get(contract.document) as Record<string, unknown>)['default']).toEqual({ $ref: '#/components/responses/Error' })
    expect((get(contract.dereferenced) as Record<string, { description: string }>)['default']!.description).toBe('A GitLab error')
  })

  it('throws for an operationId the contract does not have', () => {
    expect(() => contract.getOperation('listRunnerz')).toThrow("the contract has no operation 'listRunnerz'")
  })
})

describe('the real contract', () => {
  const contract = loadContract()

  it('loads all 22 operations under /api/v4', () => {
    expect({ basePath: contract.basePath, count: contract.operations.size }).toEqual({ basePath: '/api/v4', count: 22 })
  })

  it.each([
    ['GET', '/api/v4/runners/all', 'listAllRunners'],
    ['GET', '/api/v4/runners/5', 'getRunner'],
    ['POST', '/api/v4/runners/verify', 'verifyRunner'],
    ['POST', '/api/v4/runners/reset_registration_token', 'resetInstanceRegistrationToken'],
    ['POST', '/api/v4/runners/5/reset_authentication_token', 'resetRunnerAuthenticationToken'],
    ['DELETE', '/api/v4/projects/group%2Fsub%2Fproject/runners/9', 'unassignProjectRunner'],
  ])('routes %s %s to %s', (method, path, operationId) => {
    expect(contract.findOperation(method, path)?.operation.operationId).toBe(operationId)
  })
})
