// The generated types say what the contract says: a request-body property with a `default:` that is
// not required stays optional (openapi-typescript's default would make it required), and the body
// the types allow is one the contract accepts. `npm test` type-checks this file: a regression fails there.
import { describe, expect, expectTypeOf, it } from 'vitest'
import { loadContract } from '../../src/contract/index.js'
import type { ControlApi, GitLabRunnersComponents } from '../../src/index.js'

type CreateUserRunner = GitLabRunnersComponents['schemas']['CreateUserRunnerRequest']

describe('generated types', () => {
  it('keep defaulted request properties optional', () => {
    const minimal: CreateUserRunner = { runner_type: 'instance_type' }
    expectTypeOf<CreateUserRunner['locked']>().toEqualTypeOf<boolean | undefined>()
    expectTypeOf<CreateUserRunner['run_untagged']>().toEqualTypeOf<boolean | undefined>()
    const contract = loadContract()
    const operation = contract.operations.get('createUserRunner')!
    expect(contract.validateRequest(operation, { path: {}, query: {}, body: minimal }).ok).toBe(true)
  })

  it('cover the control API too', () => {
    type Health = ControlApi['/health']['get']['responses'][200]['content']['application/json']
    expectTypeOf<Health['status']>().toEqualTypeOf<'ok'>()
  })
})
