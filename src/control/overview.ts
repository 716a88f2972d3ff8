// GET /__mock/overview and GET /__mock/personas: what a dashboard shows first. Counts come from the
// scope's world with the status rules of the release the REST API answers as (its thresholds and its
// words: `not_connected` and no `stale` in 11.x), so a badge and a count never disagree.
import { readdirSync } from 'node:fs'
import { findPersonas, type Persona } from '../cli/personas.js'
import { SCENARIOS_DIR } from '../scenarios/load.js'
import type { RunnerType, WorldData } from '../store/records.js'
import { runnerStatus, type RunnerStatus, type StatusRules } from '../store/status.js'
import type { World } from '../store/world.js'

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
    /** By the status words of the release served, each it has (zero counts too). */
    runnersByStatus: Partial<Record<RunnerStatus, number>>
  }
}

export function overviewOf(world: World, scenario: string | null, gitlabVersion: string, rules: StatusRules): Overview {
  const runnersByType: Record<RunnerType, number> = { instance_type: 0, group_type: 0, project_type: 0 }
  const runnersByStatus: Partial<Record<RunnerStatus, number>> = { online: 0, offline: 0 }
  if (rules.staleStatus) runnersByStatus.stale = 0
  runnersByStatus[rules.neverContactedStatus] = 0
  runnersByStatus.paused = 0
  for (const runner of world.runners.values()) {
    runnersByType[runner.runnerType] += 1
    const status = runnerStatus(world, runner, rules)
    runnersByStatus[status] = (runnersByStatus[status] ?? 0) + 1
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
