// How much `generate:` may ask for, checked before anything is generated: a scenario over the
// control API must not be able to freeze the mock or run it out of memory.
import type { GenerateSpec } from './format.js'
import type { ScenarioProblem } from './scenario-error.js'
import { problemAt, siteAt, type Site } from './source.js'

/**
 * How much `generate:` may ask for. A scenario the user names (serve --scenario, startMock) may ask
 * for a few hundred thousand runners, as scale tests do; one that arrives over the control API, from
 * whoever can reach it, only up to the 100k-runner world the benchmarks serve (about 0.3 GB, 3 s).
 * Jobs are counted as runners × jobs_per_runner. docs/control.md "Large worlds" gives the figures.
 */
export interface GenerateCaps {
  runners: number
  jobs: number
  users: number
  groups: number
  projects: number
}

/** For scenario files the user names; scenarios/scenario.schema.json states these in its descriptions. */
export const FILE_CAPS: GenerateCaps = { runners: 500_000, jobs: 2_500_000, users: 100_000, groups: 100_000, projects: 100_000 }
export const CONTROL_API_CAPS: GenerateCaps = { runners: 100_000, jobs: 500_000, users: 10_000, groups: 10_000, projects: 20_000 }

/** What `spec` asks for beyond `caps`, as problems at its fields: checked before anything is generated. */
export function generateCapProblems(spec: GenerateSpec, at: Site, trusted: boolean): ScenarioProblem[] {
  const caps = trusted ? FILE_CAPS : CONTROL_API_CAPS
  const whose = trusted ? 'a scenario may generate' : 'a scenario loaded over the control API may generate'
  const limit = (field: keyof GenerateCaps) =>
    trusted ? `at most ${caps[field]}` : `at most ${caps[field]}; a scenario file given to serve --scenario may have ${FILE_CAPS[field]}`
  const problems: ScenarioProblem[] = []
  for (const field of ['runners', 'users', 'groups', 'projects'] as const) {
    const wanted = spec[field]
    if (wanted !== undefined && wanted > caps[field]) {
      problems.push(problemAt(siteAt(at, field), `${wanted} ${field} is more than ${whose} (${limit(field)})`))
    }
  }
  const runners = spec.runners ?? 0
  const jobs = runners * (spec.jobs_per_runner ?? 0)
  if (jobs > caps.jobs) {
    problems.push(problemAt(siteAt(at, 'jobs_per_runner'),
      `${runners} runners × ${spec.jobs_per_runner} jobs is ${jobs} jobs, more than ${whose} (${limit('jobs')})`))
  }
  return problems
}
