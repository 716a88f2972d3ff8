// The control API and its OpenAPI document agree: every operation has a surface function and every
// surface function an operation (the build checks the same through the generated types), and the
// document loads with the same strict checks as the GitLab contract.
import { describe, expect, it } from 'vitest'
import { loadContract } from '../../src/contract/index.js'
import { ControlPlane } from '../../src/control/plane.js'
import { controlContractFile, controlSurface, type ControlSurfaceShape } from '../../src/control/surface.js'
import { loadScenario } from '../../src/scenarios/load.js'
import { systemClock } from '../../src/store/clock.js'
import { NEWEST_TOKEN_PREFIXES } from '../../src/store/secrets.js'
import { NEWEST_STATUS_RULES } from '../../src/store/status.js'

describe('openapi/control.yaml', () => {
  it('has exactly one surface function for every control operation', () => {
    const contract = loadContract(controlContractFile)
    const plane = new ControlPlane({
      scenario: loadScenario('empty', { now: Date.now() }),
      scenarioName: 'empty',
      baseClock: systemClock,
      journalLimit: 10,
      journalBytes: 64 * 1024,
      sessionIdleMs: 60_000,
      gitlabVersion: '18.0',
      maxSessions: 1,
    })
    try {
      const surface = controlSurface({ plane, contract: () => contract, scenarioFiles: undefined, faultTargets: { operationIds: [], paths: [] }, tokenPrefixes: NEWEST_TOKEN_PREFIXES, statusRules: NEWEST_STATUS_RULES, prefix: '/__mock', about: { version: '0', gitlabVersion: '18.0', startedAt: 0 } })
      expect(Object.keys(surface.operations).sort()).toEqual([...contract.operations.keys()].sort())
      expect(contract.basePath).toBe('/__mock')
    } finally {
      plane.close()
    }
  })

  // Checked by `npm run typecheck`: the shape the surface must satisfy is not vacuous.
  it('types each operation from the document: a wrong status, a wrong body or a missing operation fails the build', () => {
    // @ts-expect-error removeFault documents 204 and 404, not 200
    const wrongStatus: ControlSurfaceShape['removeFault'] = () => ({ status: 200, body: {} })
    // @ts-expect-error listFaults answers { faults }, not { runners }
    const wrongBody: ControlSurfaceShape['listFaults'] = () => ({ status: 200, body: { runners: [] } })
    // @ts-expect-error every operation of control.yaml needs a function
    const missing: ControlSurfaceShape = { resetScope: () => ({ status: 204 }) }
    expect([wrongStatus, wrongBody, missing].length).toBe(3)
  })
})
