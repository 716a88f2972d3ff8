import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { parseScenario } from '../../src/scenarios/load.js'
import { JobTable } from '../../src/store/job-table.js'
import { runnerStatus } from '../../src/store/status.js'
import type { WorldData } from '../../src/store/records.js'
import type { RunnerTokenPrefixes } from '../../src/store/secrets.js'

const NOW = Date.parse('2025-06-01T12:00:00.000Z')
const generated = (generate: string, now = NOW, tokenPrefixes?: RunnerTokenPrefixes): WorldData =>
  parseScenario(`users:\n  - { username: root, admin: true }\ngenerate: ${generate}\n`, 'generated.yaml', { now, tokenPrefixes })
const hash = (world: WorldData): string => createHash('sha256').update(JSON.stringify(world)).digest('hex')

describe('generated worlds', () => {
  it('are identical byte for byte for the same seed and start time', () => {
    const spec = '{ seed: 42, runners: 2000, jobs_per_runner: 5 }'
    expect(hash(generated(spec))).toBe(hash(generated(spec)))
  })

  it('differ for another seed or another start time', () => {
    const spec = '{ seed: 42, runners: 200, jobs_per_runner: 2 }'
    const hashes = new Set([hash(generated(spec)), hash(generated('{ seed: 43, runners: 200, jobs_per_runner: 2 }')), hash(generated(spec, NOW + 1))])
    expect(hashes.size).toBe(3)
  })

  it('come after the hand-written world, which keeps its ids', () => {
    const world = generated('{ seed: 1, runners: 10, users: 3, groups: 2, projects: 4 }')
    expect([world.users.map((user) => user.id), world.groups.length, world.projects.length, world.runners.map((runner) => runner.id)])
      .toEqual([[1, 2, 3, 4], 2, 4, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]])
    expect(world.users[0]?.username).toBe('root')
  })

  it('spread runners over every type and status, with realistic tags, versions and unique tokens', () => {
    const world = generated('{ seed: 7, runners: 5000, jobs_per_runner: 1 }')
    const share = (predicate: (value: string) => boolean, values: string[]): number => values.filter(predicate).length / values.length
    const statuses = world.runners.map((runner) => runnerStatus(NOW, runner))
    const types = world.runners.map((runner) => runner.runnerType)
    expect(new Set(statuses)).toEqual(new Set(['online', 'offline', 'stale', 'never_contacted', 'paused']))
    expect(new Set(types)).toEqual(new Set(['instance_type', 'group_type', 'project_type']))
    expect(share((status) => status === 'online', statuses)).toBeGreaterThan(0.4)
    expect(new Set(world.runners.map((runner) => runner.token)).size).toBe(5000)
    expect(world.managers.every((manager) => /^1[5-8]\.\d+\.\d+$/.test(manager.version ?? ''))).toBe(true)
    const tags = new Set(world.runners.flatMap((runner) => runner.tagList))
    expect(['linux', 'docker', 'arm64', 'gpu', 'windows', 'macos', 'kubernetes', 'shell'].filter((tag) => !tags.has(tag))).toEqual([])
  })

  it('link every generated job to its runner, manager, project, pipeline and commit', () => {
    const world = generated('{ seed: 3, runners: 500, jobs_per_runner: 3 }')
    const runners = new Map(world.runners.map((runner) => [runner.id, runner]))
    const managers = new Map(world.managers.map((manager) => [manager.id, manager]))
    const projects = new Set(world.projects.map((project) => project.id))
    const broken = [...world.jobs].filter((job) => runners.get(job.runnerId) === undefined
      || (job.runnerManagerId !== null && managers.get(job.runnerManagerId)?.runnerId !== job.runnerId)
      || !projects.has(job.projectId) || job.pipeline.projectId !== job.projectId || job.pipeline.id < 1 || job.commit.id !== job.pipeline.sha)
    expect([world.jobs.length > 1_000, broken.map((job) => job.id)]).toEqual([true, []])
  })

  // How fast and how big: `npm run bench` measures it (a timed test would only measure the machine).
  it('makes 100 000 runners and their jobs', () => {
    const world = generated('{ seed: 42, runners: 100000, jobs_per_runner: 5 }')
    expect([world.runners.length, world.jobs.length > 400_000]).toEqual([100_000, true])
    // As compact rows, not 400 000 objects (see store/job-table.ts).
    expect(world.jobs).toBeInstanceOf(JobTable)
  })

  // Reference §2.6: none before 17.5 (registered) or 15.9 (created): 30 lowercase hex; t1_ from 17.5.
  it('give their runners the tokens the served release issues, with the same secret in every release', () => {
    const spec = '{ seed: 3, runners: 300, jobs_per_runner: 1 }'
    const newest = generated(spec)
    const legacy = generated(spec, NOW, { registered: '', created: '' })
    const t1 = generated(spec, NOW, { registered: 't1_', created: 'glrt-' })
    const bodyOf = (token: string) => token.replace(/^(glrtr-|glrt-)/, '')
    expect(new Set(newest.runners.map((runner) => runner.registrationType))).toEqual(new Set(['registration_token', 'authenticated_user']))
    newest.runners.forEach((runner, index) => {
      expect(legacy.runners[index]!.token).toBe(Buffer.from(bodyOf(runner.token), 'base64url').toString('hex'))
      expect(legacy.runners[index]!.token).toMatch(/^[0-9a-f]{30}$/)
      expect(t1.runners[index]!.token).toBe(runner.registrationType === 'registration_token' ? `t1_${bodyOf(runner.token)}` : runner.token)
    })
    expect(new Set(legacy.runners.map((runner) => runner.token)).size).toBe(300)
    // Only the tokens differ.
    expect(JSON.stringify({ ...legacy, runners: legacy.runners.map((runner) => ({ ...runner, token: '' })) }))
      .toBe(JSON.stringify({ ...newest, runners: newest.runners.map((runner) => ({ ...runner, token: '' })) }))
  })
})
