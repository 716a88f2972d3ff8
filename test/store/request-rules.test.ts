// Grape's parameter rules for runner updates and registrations, "at least one attribute"
// (x-gitlab-at-least-one-of) and "active or paused, not both" (x-gitlab-mutually-exclusive), are the
// contract's, checked once by request validation; the store takes what passed it and has no copy of
// them. Change a rule in the contract and the behaviour follows.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { defaultContractFile, loadContract } from '../../src/contract/index.js'
import { registerRunner } from '../../src/store/runner-registration.js'
import { updateRunner } from '../../src/store/runners.js'
import { actorFor, buildWorld, NOW, RUNNER_INSTANCE } from './world-builder.js'

const AT_LEAST_ONE = 'x-gitlab-at-least-one-of: [description, active, paused, tag_list, run_untagged, locked, access_level, maximum_timeout, maintenance_note]'
const UPDATE_EXCLUSIVE = `x-gitlab-mutually-exclusive:\n        - [active, paused]\n      ${AT_LEAST_ONE}`
const REGISTER_EXCLUSIVE = 'required: [token]\n      x-gitlab-mutually-exclusive:\n        - [active, paused]\n'
const folder = mkdtempSync(join(tmpdir(), 'request-rules-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

/** Validates a request against the shipped contract with `text` replaced by `replacement`. */
function validatorWith(operationId: 'updateRunner' | 'registerRunner', text: string, replacement: string) {
  const contract = readFileSync(defaultContractFile, 'utf8')
  expect(contract).toContain(text)
  const file = join(folder, `contract-${Math.random().toString(36).slice(2)}.yaml`)
  writeFileSync(file, contract.replace(text, replacement))
  const loaded = loadContract(file, { checkSchemas: false })
  const path: Record<string, string> = operationId === 'updateRunner' ? { id: '1' } : {}
  return (body: Record<string, unknown>) => loaded.validateRequest(loaded.getOperation(operationId), { path, query: {}, body })
}

describe('the at-least-one-of rule of a runner update', () => {
  it('names the contract’s list, whatever it is', () => {
    const validate = validatorWith('updateRunner', AT_LEAST_ONE, 'x-gitlab-at-least-one-of: [locked, maintenance_note]')
    expect(validate({ description: 'renamed' })).toMatchObject({
      ok: false,
      error: 'locked, maintenance_note are missing, at least one parameter must be provided',
    })
    expect(validate({ locked: true })).toMatchObject({ ok: true })
  })

  it('is not the store’s: without the rule in the contract an empty update passes and only touches updated_at', () => {
    const validate = validatorWith('updateRunner', AT_LEAST_ONE, '')
    expect(validate({})).toEqual({ ok: true, params: { id: 1 } })
    const { world, clock } = buildWorld()
    clock.set(NOW + 60_000)
    const { runner } = updateRunner(world, actorFor(world, 'admin'), { id: RUNNER_INSTANCE })
    expect([runner.id, runner.updatedAt]).toEqual([RUNNER_INSTANCE, NOW + 60_000])
  })
})

describe('active and paused together', () => {
  it('are refused by the contract’s rule for an update and a registration', () => {
    const update = validatorWith('updateRunner', AT_LEAST_ONE, AT_LEAST_ONE)
    const register = validatorWith('registerRunner', REGISTER_EXCLUSIVE, REGISTER_EXCLUSIVE)
    expect([update({ active: true, paused: true }), register({ token: 't', active: true, paused: false })]).toMatchObject([
      { ok: false, error: 'active, paused are mutually exclusive' },
      { ok: false, error: 'active, paused are mutually exclusive' },
    ])
  })

  it('are not refused by the store: without the rule in the contract they pass, and paused wins', () => {
    const update = validatorWith('updateRunner', UPDATE_EXCLUSIVE, AT_LEAST_ONE)
    const register = validatorWith('registerRunner', REGISTER_EXCLUSIVE, 'required: [token]\n      x-gitlab-mutually-exclusive:\n')
    expect([update({ active: true, paused: true }).ok, register({ token: 't', active: true, paused: true }).ok]).toEqual([true, true])
    const { world } = buildWorld()
    expect([
      updateRunner(world, actorFor(world, 'admin'), { id: RUNNER_INSTANCE, active: true, paused: true }).runner.active,
      registerRunner(world, { token: 'GR1348941instance', active: true, paused: true }).active,
    ]).toEqual([false, false])
  })
})
