// A seeded world made at build time (src/scenarios/prebuilt-world.ts) is the world generating would
// give, at any moment it is served: the file holds the world generated at time 0 and moves every
// moment by `now` on reading. And a file made from other inputs is never used.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { JobTable } from '../../src/store/job-table.js'
import type { WorldData } from '../../src/store/records.js'
import { generateWorld } from '../../src/scenarios/generate.js'
import { loadScenario } from '../../src/scenarios/load.js'
import { GENERATOR_MODULES, prebuildWorld, prebuiltWorld, worldKey } from '../../src/scenarios/prebuilt-world.js'

const SPEC = { seed: 42, runners: 300, jobs_per_runner: 5 }

/** A world as plain data, jobs as records: what two worlds must agree on. */
function plain(world: WorldData): unknown {
  return { ...world, jobs: JobTable.of(world.jobs).records() }
}

describe('a prebuilt world', () => {
  it('equals the generated world at every moment it is served', () => {
    const made = prebuildWorld(loadScenario('empty', { now: 0 }), SPEC)!
    for (const now of [Date.parse('2026-12-07T12:34:56.789Z'), Date.parse('2031-02-28T00:00:00Z'), 1]) {
      const base = loadScenario('empty', { now })
      const read = prebuiltWorld(base, made.key, made.bytes, now)!
      expect(read).toBeDefined()
      expect(plain(read)).toEqual(plain(generateWorld(loadScenario('empty', { now }), SPEC, now)))
    }
  })

  it('extends a base with users, groups and projects of its own as generating would', () => {
    // The default scenario's own jobs are left out: a base with jobs is always generated.
    const base = (now: number) => ({ ...loadScenario('default', { now }), jobs: [] })
    const made = prebuildWorld(base(0), SPEC)!
    const now = Date.parse('2026-06-01T08:00:00Z')
    expect(plain(prebuiltWorld(base(now), made.key, made.bytes, now)!)).toEqual(plain(generateWorld(base(now), SPEC, now)))
  })

  it('is not made for a base with jobs of its own', () => {
    expect(prebuildWorld(loadScenario('default', { now: 0 }), SPEC)).toBeUndefined()
  })

  it('is named by everything the generated records depend on', () => {
    const base = loadScenario('empty', { now: 0 })
    const key = worldKey(base, SPEC)
    expect(worldKey(loadScenario('empty', { now: Date.now() }), SPEC)).toBe(key)
    expect(worldKey(base, { ...SPEC, seed: 43 })).not.toBe(key)
    expect(worldKey(base, { ...SPEC, runners: 301 })).not.toBe(key)
    const renamed = { ...base, users: base.users.map((user) => ({ ...user, username: `${user.username}x` })) }
    expect(worldKey(renamed, SPEC)).not.toBe(key)
    const moreRunners = { ...base, runners: [...base.runners, { ...loadScenario('default', { now: 0 }).runners[0]!, id: 999 }] }
    expect(worldKey(moreRunners, SPEC)).not.toBe(key)
  })

  it('is not read from a file made for other inputs or not a world at all', () => {
    const base = loadScenario('empty', { now: 0 })
    const made = prebuildWorld(base, SPEC)!
    expect(prebuiltWorld(base, worldKey(base, { ...SPEC, seed: 7 }), made.bytes, 0)).toBeUndefined()
    expect(prebuiltWorld(base, made.key, Buffer.from('{ not json'), 0)).toBeUndefined()
    // Cut short or with bytes to spare, the columns are not the table the header describes.
    expect(prebuiltWorld(base, made.key, made.bytes.subarray(0, made.bytes.length - 1), 0)).toBeUndefined()
    expect(prebuiltWorld(base, made.key, Buffer.concat([made.bytes, Buffer.alloc(8)]), 0)).toBeUndefined()
    expect(prebuiltWorld(base, made.key, made.bytes.subarray(0, made.bytes.indexOf(10)), 0)).toBeUndefined()
    // A header whose column counts are not counts (a damaged file) is not read either, and throws nothing.
    const end = made.bytes.indexOf(10)
    const header = JSON.parse(made.bytes.toString('latin1', 0, end)) as { jobs: { columns: unknown } }
    for (const columns of [[-1, 0, 0, 0, 0], [1.5, 0, 0, 0, 0], 'x', [0], [2 ** 50, 0, 0, 0, 0]]) {
      header.jobs.columns = columns
      const damaged = Buffer.concat([Buffer.from(JSON.stringify(header), 'latin1'), made.bytes.subarray(end)])
      expect(prebuiltWorld(base, made.key, damaged, 0)).toBeUndefined()
    }
  })

  it('is a line of ASCII JSON, then the job columns aligned to 8 bytes', () => {
    const made = prebuildWorld(loadScenario('empty', { now: 0 }), SPEC)!
    const end = made.bytes.indexOf(10)
    expect(made.bytes.subarray(0, end).every((byte) => byte < 0x80)).toBe(true)
    const { jobs } = JSON.parse(made.bytes.toString('latin1', 0, end)) as { jobs: { length: number; columns: number[] } }
    expect(jobs.columns).toEqual([jobs.length * 12, jobs.length * 5, jobs.length, jobs.length, jobs.length])
    const start = made.bytes.length - (jobs.length * (12 * 8 + 5 * 4 + 4 + 4 + 1))
    expect([start % 8, start - (end + 1)]).toEqual([0, (8 - ((end + 1) % 8)) % 8])
  })

  it('hashes every module the generator runs', () => {
    // generate.ts's imports of code (not types) must all be in GENERATOR_MODULES, or a change to
    // one of them would leave a stale world in use.
    const source = readFileSync(new URL('../../src/scenarios/generate.ts', import.meta.url), 'utf8')
    const imported = [...source.matchAll(/^import (?!type )[^;']*?from '(\.[^']+)\.js'/gm)].map((match) => match[1])
    expect(imported.length).toBeGreaterThan(0)
    for (const module of imported) expect(GENERATOR_MODULES).toContain(module)
    expect(GENERATOR_MODULES).toContain('./generate')
  })
})
