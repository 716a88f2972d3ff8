// The control API and its OpenAPI document agree: every operation has a handler and every handler an
// operation, and the document loads with the same strict checks as the GitLab contract.
import { describe, expect, it } from 'vitest'
import { loadContract } from '../../src/contract/index.js'
import { controlContractFile, controlHandlers, streamingHandlers } from '../../src/control/routes.js'

describe('openapi/control.yaml', () => {
  it('has exactly one handler for every control operation', () => {
    const contract = loadContract(controlContractFile)
    expect([...Object.keys(controlHandlers), ...Object.keys(streamingHandlers)].sort()).toEqual([...contract.operations.keys()].sort())
    expect(contract.basePath).toBe('/__mock')
  })
})
