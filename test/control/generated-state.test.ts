// A generated world loaded through the control API is the same, byte for byte, for the same seed and
// clock: two mocks export identical state, and another seed gives another world.
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { startTestMock } from '../helpers/start-mock.js'
import { control } from './control-client.js'

const scenario = (seed: number) => `include: [empty.yaml]\ngenerate: { seed: ${seed}, runners: 2000, jobs_per_runner: 3 }\n`

async function stateHash(seed: number): Promise<string> {
  const mock = await startTestMock({ scenario: 'empty' })
  expect((await control(mock, 'POST', '/scenario', { body: { yaml: scenario(seed) } })).status).toBe(204)
  const response = await fetch(`${mock.origin}/__mock/state`)
  return createHash('sha256').update(await response.text()).digest('hex')
}

describe('generated worlds', () => {
  it('export the same state for the same seed, and another for another seed', async () => {
    const [first, again, other] = await Promise.all([stateHash(42), stateHash(42), stateHash(43)])
    expect(again).toBe(first)
    expect(other).not.toBe(first)
  }, 60_000)
})
