import { describe, expect, it } from 'vitest'
import { summariseFacts } from '../../src/profile/summary.js'
import { readSpec } from '../helpers/contract-examples.js'

const summary = summariseFacts(readSpec())

describe('contract facts', () => {
  it('counts the elements whose facts tell releases apart, per kind', () => {
    for (const kind of ['operation', 'parameter', 'property', 'value', 'status', 'behaviour'] as const) {
      expect(summary.differing[kind], kind).toBeGreaterThan(0)
      expect(summary.differing[kind]).toBeLessThanOrEqual(summary.versioned[kind])
      expect(summary.versioned[kind]).toBeLessThanOrEqual(summary.total[kind])
    }
  })

  it('lists each window fact once where it is written, with the elements it dates', () => {
    const scope = summary.windows.filter((fact) => fact.ids[0] === 'parameter:listRunners.scope')
    expect(scope).toEqual([{ ids: ['parameter:listRunners.scope', 'parameter:listAllRunners.scope', 'parameter:listProjectRunners.scope'], event: 'deprecated', window: { from: '11.0', to: '11.11' } }])
    expect(summary.windows).toContainEqual({ ids: ['behaviour:staleWindow'], event: 'staleWindow becomes "7d"', window: { from: '17.0', to: '17.11' } })
  })
})
