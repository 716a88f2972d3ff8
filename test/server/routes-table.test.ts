// The route table and the contract name the same operations: a handler without an operation, or an
// operation without a handler, fails here.
import { describe, expect, it } from 'vitest'
import { loadContract } from '../../src/contract/index.js'
import { handlers } from '../../src/server/routes.js'

describe('the route table', () => {
  it('has exactly one handler for every operation of the contract', () => {
    const operationIds = [...loadContract().operations.keys()].sort()
    expect(Object.keys(handlers).sort()).toEqual(operationIds)
    expect(operationIds).toHaveLength(22)
  })
})
