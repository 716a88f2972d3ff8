// A project runner whose owner project was deleted: GitLab cannot key its manager and answers verify with 422.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { startTestMock } from '../helpers/start-mock.js'

const ORPHAN_TOKEN = 'glrt-orphaned-runner-000000'
const dir = mkdtempSync(join(tmpdir(), 'orphaned-'))
const scenario = join(dir, 'orphaned.yaml')
writeFileSync(scenario, ['runners:', '  - id: 7', '    runner_type: project_type', '    project: null', `    token: ${ORPHAN_TOKEN}`, ''].join('\n'))

const mock = await startTestMock({ scenario })

describe('verifyRunner of an orphaned runner', () => {
  it('answers 422 "Runner is orphaned" when the owner project is gone', async () => {
    const response = await mock.call('POST', '/runners/verify', { body: { token: ORPHAN_TOKEN } })
    expect([response.status, response.body]).toEqual([422, { message: 'Runner is orphaned' }])
  })
})
