// `generate:` is capped: a scenario over the control API may not ask for a world that would freeze
// or exhaust the mock, and is refused with a 400 naming the field, the value and the cap before
// anything is generated. Scenario files the user names (serve --scenario, startMock) have higher caps.
import { describe, expect, it } from 'vitest'
import { parseScenario, ScenarioError } from '../../src/scenarios/load.js'
import { startTestMock } from '../helpers/start-mock.js'
import { control } from './control-client.js'

const ADMIN = 'glpat-admin-0000000000000'
const inline = (generate: string) => `include: [empty.yaml]\ngenerate: ${generate}\n`

describe('generate caps over the control API', () => {
  it('refuse more runners than the cap, naming the field, the value and the cap, and keep the state', async () => {
    const mock = await startTestMock({ scenario: 'empty' })
    const refused = await control(mock, 'POST', '/scenario', { body: { yaml: inline('{ seed: 1, runners: 200000 }') } })
    expect(refused).toEqual({
      status: 400,
      body: { message: '400 Bad request - scenarios/inline.yaml:2 generate.runners: 200000 runners is more than a scenario loaded over the control API may generate (at most 100000; a scenario file given to serve --scenario may have 500000)' },
    })
    expect((await mock.call('GET', '/runners/all', { token: ADMIN })).body).toEqual([])
  })

  it('refuse a million runners with 100 jobs each at once, without building any of them', async () => {
    const mock = await startTestMock({ scenario: 'empty' })
    const refused = await control(mock, 'POST', '/scenario', { body: { yaml: inline('{ seed: 1, runners: 1000000, jobs_per_runner: 100 }') } })
    expect(refused.status).toBe(400)
    expect((refused.body as { message: string }).message.split('\n')).toEqual([
      '400 Bad request - scenarios/inline.yaml:2 generate.runners: 1000000 runners is more than a scenario loaded over the control API may generate (at most 100000; a scenario file given to serve --scenario may have 500000)',
      'scenarios/inline.yaml:2 generate.jobs_per_runner: 1000000 runners × 100 jobs is 100000000 jobs, more than a scenario loaded over the control API may generate (at most 500000; a scenario file given to serve --scenario may have 2500000)',
    ])
  })

  it('count jobs as runners × jobs_per_runner', async () => {
    const mock = await startTestMock({ scenario: 'empty' })
    const refused = await control(mock, 'POST', '/scenario', { body: { yaml: inline('{ seed: 1, runners: 50000, jobs_per_runner: 11 }') } })
    expect(refused).toEqual({
      status: 400,
      body: { message: '400 Bad request - scenarios/inline.yaml:2 generate.jobs_per_runner: 50000 runners × 11 jobs is 550000 jobs, more than a scenario loaded over the control API may generate (at most 500000; a scenario file given to serve --scenario may have 2500000)' },
    })
  })
})

describe('generate caps for scenario files', () => {
  const fromFile = (generate: string) => () => parseScenario(`generate: ${generate}\n`, 'big.yaml', { now: 0 })

  it('are higher, and still refuse a world that would not fit', () => {
    expect(fromFile('{ seed: 1, runners: 600000 }')).toThrow(new ScenarioError([{
      file: 'big.yaml', line: 1, path: 'generate.runners',
      message: '600000 runners is more than a scenario may generate (at most 500000)',
    }]))
    expect(fromFile('{ seed: 1, runners: 400000, jobs_per_runner: 7 }')).toThrow(new ScenarioError([{
      file: 'big.yaml', line: 1, path: 'generate.jobs_per_runner',
      message: '400000 runners × 7 jobs is 2800000 jobs, more than a scenario may generate (at most 2500000)',
    }]))
  })
})
