// GET /__mock/overview and GET /__mock/personas: what a dashboard shows first. Counts come from the
// scope's world with the same status rule the REST API applies, so a badge and a count never disagree.
import { readdirSync } from 'node:fs'
import { findPersonas, type Persona } from '../cli/personas.js'
import { SCENARIOS_DIR } from '../scenarios/load.js'
import type { RunnerType, WorldData } from '../store/records.js'
import { runnerStatus, type RunnerStatus } from '../store/status.js'
import type { World } from '../store/world.js'

/** The newest GitLab's status words (pre-15.0 releases said not_connected; the counts use the newest rules). */
type NewestRunnerStatus = Exclude<RunnerStatus, 'not_connected'>

export interface Overview {
  /** The loaded scenario's name or file (`inline` for uploaded YAML), null for data passed in by a program. */
  scenario: string | null
  /** The GitLab release the mock answers as, e.g. `18.2`. */
  gitlabVersion: string
  /** The scenarios shipped with the mock, loadable by name. */
  builtInScenarios: string[]
  counts: {
    users: number
    groups: number
    projects: number
    runners: number
    runnersByType: Record<RunnerType, number>
    runnersByStatus: Record<NewestRunnerStatus, number>
  }
}

export function overviewOf(world: World, scenario: string | null, gitlabVersion: string): Overview {
  const runnersByType: Record<RunnerType, number> = { instance_type: 0, group_type: 0, project_type: 0 }
  const runnersByStatus: Record<NewestRunnerStatus, number> = { online: 0, offline: 0, stale: 0, never_contacted: 0, paused: 0 }
  for (const runner of world.runners.values()) {
    runnersByType[runner.runnerType] += 1
    runnersByStatus[runnerStatus(world, runner) as NewestRunnerStatus] += 1
  }
  return {
    scenario,
    gitlabVersion,
    builtInScenarios: builtInScenarios(),
    counts: {
      users: world.users.size,
      groups: world.groups.size,
      projects: world.projects.size,
      runners: world.runners.size,
      runnersByType,
      runnersByStatus,
    },
  }
}

/** One token per kind of caller (administrator, group owner, ...), as the start banner lists them. */
export function personasOf(world: World): Persona[] {
  // Only the records findPersonas reads: copying 100 000 runners to pick five tokens would be waste.
  const data = {
    users: [...world.users.values()],
    accessTokens: [...world.accessTokens.values()],
    groups: [...world.groups.values()],
    projects: [...world.projects.values()],
  } as Pick<WorldData, 'users' | 'accessTokens' | 'groups' | 'projects'> as WorldData
  return findPersonas(data)
}

function builtInScenarios(): string[] {
  return readdirSync(SCENARIOS_DIR)
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => file.slice(0, -'.yaml'.length))
    .sort()
}
