import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { behaviourNames, parseRelease, profileFor, UnknownFactError } from '../../src/profile/index.js'

const source = parse(readFileSync(fileURLToPath(new URL('../../openapi/gitlab-runners.yaml', import.meta.url)), 'utf8')) as Record<string, unknown>
const at = (version: string) => profileFor(source, parseRelease(version))

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
const schema = (version: string, name: string): Json => (at(version).document as Json)['components']['schemas'][name]

describe('profileFor', () => {
  it('builds one profile per release and reuses it', () => {
    expect(at('17.11')).toBe(at('17.11.3-ee'))
    expect(at('17.11').label).toBe('17.11')
  })

  it('keeps the contract as written for the newest release', () => {
    expect(at('18').document).toBe(source)
    expect(at('18').newest).toBe(true)
  })

  it('drops operations a release did not have', () => {
    expect(at('13.0').hasOperation('resetRunnerAuthenticationToken')).toBe(false)
    expect(at('14.3').hasOperation('resetRunnerAuthenticationToken')).toBe(true)
    const paths = Object.keys((at('13.0').document as Json)['paths'])
    expect(paths).not.toContain('/runners/{id}/reset_authentication_token')
    expect(paths).toContain('/runners/{id}/jobs')
  })

  it("restores the details' token up to 12.x and drops it from 13.0", () => {
    expect(schema('12.10', 'RunnerDetails')['properties']).toHaveProperty('token')
    expect(schema('13.0', 'RunnerDetails')['properties']).not.toHaveProperty('token')
    expect(at('12.10').fact('property:RunnerDetails.token')).toBe('yes')
    expect(at('13.0').fact('property:RunnerDetails.token')).toBe('no')
  })

  it('gives each release its status values', () => {
    expect(schema('14.10', 'RunnerStatus')['enum']).toContain('not_connected')
    expect(schema('14.10', 'RunnerStatus')['enum']).not.toContain('never_contacted')
    expect(schema('15.0', 'RunnerStatus')['enum']).toContain('never_contacted')
    expect(schema('15.0', 'RunnerStatus')['enum']).not.toContain('not_connected')
    expect(at('14.10').fact('value:RunnerStatus=not_connected')).toBe('yes')
  })

  it('drops properties a release did not send, from properties and required alike', () => {
    const runner = schema('14.0', 'Runner')
    expect(runner['properties']).not.toHaveProperty('paused')
    expect(runner['required'] ?? []).not.toContain('paused')
  })

  it('reads every behaviour switch with its type', () => {
    for (const name of behaviourNames) expect(() => at('16.11').behaviour(name)).not.toThrow()
    expect(at('14.10').behaviour('neverContactedStatus')).toBe('not_connected')
    expect(at('15.0').behaviour('neverContactedStatus')).toBe('never_contacted')
    expect(at('16.11').behaviour('ipAddress')).toBe('value')
    expect(at('17.0').behaviour('ipAddress')).toBe('null')
    expect(at('15.11').behaviour('verifyResponse')).toBe('status-200')
    expect(at('16.0').behaviour('verifyResponse')).toBe('registration-details')
    expect(at('11.11').behaviour('onlineWindow')).toBe('1h')
    expect(at('18').behaviour('onlineWindow')).toBe('2h')
    expect(at('14.5').behaviour('staleWindow')).toBe(null)
    expect(at('16.11').behaviour('staleWindow')).toBe('3mo')
    expect(at('18').behaviour('staleWindow')).toBe('7d')
    expect(at('17.5').behaviour('registeredRunnerTokenPrefix')).toBe('t1_')
  })

  it('answers a switch inside its window with the value before the change, and says so', () => {
    expect(at('17.4').behaviourState('staleWindow')).toEqual({ value: '3mo', window: { from: '17.0', to: '17.11', otherValue: '7d' } })
    expect(at('17.11').behaviourState('staleWindow')).toEqual({ value: '7d' })
  })

  it('lists the facts whose release is a window around this release', () => {
    const facts = at('17.4').windowFacts()
    expect(facts).toContainEqual(expect.objectContaining({ id: 'behaviour:staleWindow', window: { from: '17.0', to: '17.11' } }))
    expect(at('11.11').windowFacts().map((fact) => fact.id)).not.toContain('behaviour:staleWindow')
  })

  it('refuses an id the contract does not know', () => {
    expect(() => at('17.0').fact('property:Runner.nonsense')).toThrow(UnknownFactError)
  })
})

describe('facts of parts of an operation', () => {
  it('are absent while the operation is', () => {
    expect(at('15.0').fact('parameter:createUserRunner.runner_type')).toBe('no')
    expect(at('15.10').fact('parameter:createUserRunner.runner_type')).toBe('window')
    expect(at('16.0').fact('parameter:createUserRunner.runner_type')).toBe('yes')
    expect(at('13.0').fact('status:registerRunner.410')).toBe('no')
    expect(at('16.0').fact('status:registerRunner.410')).toBe('yes')
  })

  it('are not window facts of a release without the operation', () => {
    expect(at('11.5').windowFacts().map((fact) => fact.id)).not.toContain('parameter:listGroupRunners.type')
    expect(at('11.5').windowFacts().map((fact) => fact.id)).toContain('parameter:listRunners.type')
  })
})
