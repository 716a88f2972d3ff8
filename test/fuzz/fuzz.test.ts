// The spec-driven fuzz run: a few thousand seeded hostile requests over every operation of the
// contract. Whatever comes in, the mock answers below 500, closes cleanly, puts a JSON body on every
// 4xx, echoes no secret and leaves the state as it was when it refuses. A longer run: npm run fuzz:long.
import { describe, expect, it } from 'vitest'
import { loadContract } from '../../src/contract/index.js'
import { startTestMock } from '../helpers/start-mock.js'
import { fuzzRequests, secretsOf } from './requests.js'
import { fuzzTarget, runFuzz } from './run.js'

const SEED = 20_261_207
const REQUESTS = 5000

describe('fuzz', async () => {
  const mock = await startTestMock()
  const secrets = secretsOf(mock.exportState())

  it(`survives ${REQUESTS} hostile requests with every invariant intact`, { timeout: 120_000 }, async () => {
    const target = fuzzTarget(mock)
    const tally = await runFuzz(target, fuzzRequests(loadContract(), secrets, SEED, mock.port), REQUESTS, secrets)
    expect(tally.problems).toEqual([])
    expect(tally).toMatchObject({ requests: REQUESTS, serverErrors: 0, resets: 0, nonJson4xx: 0, secretsEchoed: 0, stateChangedByRefusal: 0 })
    // The run reached past the front door: a share of the requests were valid enough to succeed.
    const succeeded = Object.entries(tally.byStatus).filter(([status]) => Number(status) < 300).reduce((sum, [, n]) => sum + n, 0)
    expect(succeeded).toBeGreaterThan(REQUESTS / 50)
  })

  // Older releases take other paths (operations missing, other filters, messages and token shapes):
  // the same invariants hold there.
  it.each(['11.11', '15.11'])('survives hostile requests against GitLab %s with every invariant intact', { timeout: 120_000 }, async (gitlabVersion) => {
    const older = await startTestMock({ gitlabVersion })
    try {
      const olderSecrets = secretsOf(older.exportState())
      const tally = await runFuzz(fuzzTarget(older), fuzzRequests(loadContract(), olderSecrets, SEED, older.port), REQUESTS / 4, olderSecrets)
      expect(tally.problems).toEqual([])
      expect(tally).toMatchObject({ requests: REQUESTS / 4, serverErrors: 0, resets: 0, nonJson4xx: 0, secretsEchoed: 0, stateChangedByRefusal: 0 })
    } finally {
      await older.close()
    }
  })

  it('resets to the state it started from even after a control request loaded an empty scenario', async () => {
    const target = fuzzTarget(mock)
    const loaded = await fetch(`${mock.origin}/__mock/scenario`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ yaml: '' }) })
    const emptied = mock.exportState().accessTokens.length
    await target.reset()
    expect([loaded.status, emptied, mock.exportState().accessTokens.map((token) => token.token)]).toEqual([204, 0, secrets.personalTokens])
  })
})
