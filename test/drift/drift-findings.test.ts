// What one exchange's findings say, for the cases where the contract's raw violations would mislead a reader.
import { describe, expect, it } from 'vitest'
import { loadContract } from '../../src/contract/index.js'
import { checkExchange } from '../../src/drift/check.js'
import type { Exchange } from '../../src/drift/exchange.js'

const contract = loadContract()
const json = { 'content-type': 'application/json' }
const runner = { id: 6, description: 'test-1-20150125', ip_address: null, active: true, paused: false, is_shared: false, runner_type: 'project_type', name: 'gitlab-runner', online: true, created_at: '2025-05-01T10:00:00.000Z', status: 'online', job_execution_status: 'idle' }
const offsetHeaders = { 'x-per-page': '20', 'x-page': '1', 'x-next-page': '', 'x-prev-page': '', 'x-total': '1', 'x-total-pages': '1', link: '<https://gitlab.example.com/api/v4/runners?page=1&per_page=20>; rel="first", <https://gitlab.example.com/api/v4/runners?page=1&per_page=20>; rel="last"' }

function findings(method: string, url: string, status: number, headers: Record<string, string>, body: unknown) {
  const exchange: Exchange = { request: { method, url: `https://gitlab.example.com/api/v4${url}`, headers: {} }, response: { status, headers, body } }
  return checkExchange(contract, exchange, { strict: false }).findings.map(({ kind, severity, pointer, actual }) => ({ kind, severity, pointer, actual }))
}

describe('findings of one exchange', () => {
  it('reports an error body that may take several shapes against the closest shape only', () => {
    // 401 is {message} or OAuth's {error, error_description}: a number as message is one finding, not five.
    expect(findings('GET', '/runners', 401, json, { message: 401 })).toEqual([{ kind: 'type-mismatch', severity: 'error', pointer: '/message', actual: '401' }])
    // An OAuth body with a wrong field is judged as OAuth, not as a plain message.
    expect(findings('GET', '/runners', 401, json, { error: 'invalid_token', error_description: 5 })).toEqual([{ kind: 'type-mismatch', severity: 'error', pointer: '/error_description', actual: '5' }])
  })

  it('reports null in an enum field once, as unexpected-null', () => {
    expect(findings('GET', '/runners', 200, { ...json, ...offsetHeaders }, [{ ...runner, status: null }])).toEqual([{ kind: 'unexpected-null', severity: 'error', pointer: '/0/status', actual: 'null' }])
  })

  it('requires the offset page headers of a job list asked without pagination=keyset', () => {
    const withoutPage = Object.fromEntries(Object.entries(offsetHeaders).filter(([name]) => name !== 'x-page'))
    expect(findings('GET', '/runners/6/jobs?per_page=20', 200, { ...json, ...withoutPage }, [])).toEqual([{ kind: 'header', severity: 'error', pointer: '/X-Page', actual: undefined }])
    // Keyset pages have no X-Page (reference §1.9): nothing to report.
    expect(findings('GET', '/runners/6/jobs?pagination=keyset&per_page=20', 200, { ...json, 'x-per-page': '20' }, [])).toEqual([])
  })

  it("accepts GitLab's 422 \"Runner is orphaned\" from POST /runners/verify", () => {
    expect(findings('POST', '/runners/verify', 422, json, { message: 'Runner is orphaned' })).toEqual([])
  })
})
