// "At least one attribute" for a runner update is the contract's rule (x-gitlab-at-least-one-of on
// UpdateRunnerRequest), checked once, by request validation; the store takes what passed it and has
// no list of its own. Change the list in the contract and the behaviour follows.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { defaultContractFile, loadContract } from '../../src/contract/index.js'
import { updateRunner } from '../../src/store/runners.js'
import { actorFor, buildWorld, NOW, RUNNER_INSTANCE } from './world-builder.js'

const RULE = 'x-gitlab-at-least-one-of: [description, active, paused, tag_list, run_untagged, locked, access_level, maximum_timeout, maintenance_note]'
const folder = mkdtempSync(join(tmpdir(), 'update-rule-'))
afterAll(() => rmSync(folder, { recursive: true, force: true }))

/** Validates an update against the shipped contract with its at-least-one-of line replaced by `rule`. */
function validatorWith(rule: string) {
  const text = readFileSync(defaultContractFile, 'utf8')
  expect(text).toContain(RULE)
  const file = join(folder, `contract-${Math.random().toString(36).slice(2)}.yaml`)
  writeFileSync(file, text.replace(RULE, rule))
  const contract = loadContract(file, { checkSchemas: false })
  return (body: Record<string, unknown>) => contract.validateRequest(contract.getOperation('updateRunner'), { path: { id: '1' }, query: {}, body })
}

describe('the at-least-one-of rule of a runner update', () => {
  it('names the contract’s list, whatever it is', () => {
    const validate = validatorWith('x-gitlab-at-least-one-of: [locked, maintenance_note]')
    expect(validate({ description: 'renamed' })).toMatchObject({
      ok: false,
      error: 'locked, maintenance_note are missing, at least one parameter must be provided',
    })
    expect(validate({ locked: true })).toMatchObject({ ok: true })
  })

  it('is not the store’s: without the rule in the contract an empty update passes and only touches updated_at', () => {
    const validate = validatorWith('')
    expect(validate({})).toEqual({ ok: true, params: { id: 1 } })
    const { world, clock } = buildWorld()
    clock.set(NOW + 60_000)
    const { runner } = updateRunner(world, actorFor(world, 'admin'), { id: RUNNER_INSTANCE })
    expect([runner.id, runner.updatedAt]).toEqual([RUNNER_INSTANCE, NOW + 60_000])
  })
})
