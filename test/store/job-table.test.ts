// Jobs live in a compact table (store/job-table.ts) and come out as the same plain records that went
// in: every field, nulls and flags, shared pipelines and commits, grouped by runner with ids ascending.
import { describe, expect, it } from 'vitest'
import { JobTable, JobTableBuilder } from '../../src/store/job-table.js'
import type { JobRecord } from '../../src/store/records.js'
import { World } from '../../src/store/world.js'
import { ManualClock } from '../../src/store/clock.js'
import {
  buildWorld, job, NOW, PROJECT_API, PROJECT_DOCS, PROJECT_WEB, RUNNER_INSTANCE, RUNNER_SHARED_PROJECTS, worldData,
} from './world-builder.js'

function jobs(): JobRecord[] {
  const shared = job(1, RUNNER_SHARED_PROJECTS, PROJECT_WEB)
  return [
    job(9, RUNNER_SHARED_PROJECTS, PROJECT_DOCS, { status: 'failed', failureReason: 'script_failure', tag: true, coverage: 12.5 }),
    job(3, RUNNER_INSTANCE, PROJECT_API, { runnerManagerId: 4, userId: null, startedAt: null, finishedAt: null, duration: null, queuedDuration: null, allowFailure: true }),
    shared,
    // Same pipeline and commit objects as job 1, as generated jobs share them.
    { ...job(2, RUNNER_SHARED_PROJECTS, PROJECT_WEB, { erasedAt: NOW, name: 'rspec 1/4', stage: 'build' }), pipeline: shared.pipeline, commit: shared.commit },
  ]
}

describe('a job table', () => {
  it('gives back every record as it went in, ids ascending, sharing pipelines and commits', () => {
    const table = JobTable.fromRecords(jobs())
    const out = table.records()
    expect(out).toStrictEqual([...jobs()].sort((a, b) => a.id - b.id))
    expect([out[0]?.pipeline === out[1]?.pipeline, out[0]?.commit === out[1]?.commit, table.pipelines.length]).toEqual([true, true, 3])
  })

  it('finds a runner’s jobs by id, ascending, and answers whether one has a status without making records', () => {
    const table = JobTable.fromRecords(jobs())
    expect([
      table.jobsOf(RUNNER_SHARED_PROJECTS).map((record) => record.id),
      table.jobsOf(RUNNER_INSTANCE).map((record) => record.id),
      table.jobsOf(12345),
      table.anyOf(RUNNER_SHARED_PROJECTS, new Set(['failed'])),
      table.anyOf(RUNNER_SHARED_PROJECTS, new Set(['running'])),
      table.anyOf(RUNNER_INSTANCE, new Set(['success']), 4),
      table.anyOf(RUNNER_INSTANCE, new Set(['success']), 5),
    ]).toEqual([[1, 2, 9], [3], [], true, false, true, false])
  })

  it('is the array of its jobs as JSON, and survives structuredClone', () => {
    const table = JobTable.fromRecords(jobs())
    expect(JSON.parse(JSON.stringify(table))).toEqual(JSON.parse(JSON.stringify(table.records())))
    expect(JobTable.of(structuredClone(table)).records()).toStrictEqual(table.records())
  })

  it('grows past the size it expected', () => {
    const builder = new JobTableBuilder(1)
    for (let id = 1; id <= 100; id++) builder.add(job(id, 1 + (id % 3), PROJECT_WEB))
    const table = builder.build()
    expect([table.length, table.jobsOf(2).length, table.records().map((record) => record.id)])
      .toEqual([100, 34, Array.from({ length: 100 }, (_, index) => index + 1)])
  })
})

describe('a world’s jobs', () => {
  it('are those of its present runners: a removed runner’s jobs are gone from it, not from its source', () => {
    const { world } = buildWorld((data) => {
      data.jobs = jobs()
    })
    const fork = world.fork()
    fork.removeRunner(fork.runners.get(RUNNER_SHARED_PROJECTS)!)
    expect([
      fork.jobsOf(RUNNER_SHARED_PROJECTS),
      fork.toData().jobs.length,
      world.jobsOf(RUNNER_SHARED_PROJECTS).map((record) => record.id),
      world.toData().jobs.length,
    ]).toEqual([[], 1, [1, 2, 9], 4])
  })

  it('come from a table after the data was cloned (a loaded scenario handed to startMock)', () => {
    const data = { ...worldData(), jobs: JobTable.fromRecords(jobs()) }
    const world = new World(structuredClone(data), new ManualClock(NOW))
    expect(world.jobsOf(RUNNER_SHARED_PROJECTS).map((record) => record.id)).toEqual([1, 2, 9])
  })

  it('never go to a new runner: its id comes after every runner a job names', () => {
    const { world } = buildWorld((data) => {
      data.jobs = [job(1, 999, PROJECT_WEB)]
    })
    expect(world.jobsOf(999)).toEqual([])
    const added = world.addRunner({ ...world.runners.get(RUNNER_INSTANCE)!, token: 'glrt-new', contactedAt: null })
    expect([added.id > 999, world.jobsOf(added.id)]).toEqual([true, []])
  })
})
