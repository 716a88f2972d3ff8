// The scenarios module's front door: a scenario name or file -> the store's WorldData.
// Reading and validating live in source.ts, references and defaults in build.ts, bulk data in
// generate.ts; this file only joins them and turns every failure into a ScenarioError.

import { readFileSync } from 'node:fs'
import type { Millis, WorldData } from '../store/records.js'
import type { RunnerTokenPrefixes } from '../store/secrets.js'
import { buildWorld } from './build.js'
import type { GenerateSpec } from './format.js'
import { reshapeGeneratedTokens } from './generate.js'
import { prebuildWorld, seededWorld } from './prebuilt-world.js'
import { generateCapProblems } from './generate-caps.js'
import type { FileAccess } from './file-access.js'
import { readReplays } from './replay.js'
import { ScenarioError } from './scenario-error.js'
import { displayName, isScenarioName, readScenario, SCENARIOS_DIR, type MergedScenario } from './source.js'

export { ScenarioError } from './scenario-error.js'
export type { ScenarioProblem } from './scenario-error.js'

export interface LoadOptions {
  /** The moment relative times (`5m ago`) are read against: the world's clock at start. */
  now: Millis
  /**
   * Where included and replayed files may lie; absent, anywhere (the user's own scenarios). Present
   * means the scenario came over the control API, which also gets the lower `generate:` caps.
   */
  files?: FileAccess
  /** The prefixes of the runner tokens the served release issues, for runners the scenario gives none; the newest release's when absent. */
  tokenPrefixes?: RunnerTokenPrefixes
}

export { SCENARIOS_DIR } from './source.js'

/** Where a scenario lives: a bare name (`default`) is `scenarios/<name>.yaml`; anything else is a path. */
export function resolveScenarioPath(nameOrPath: string): string {
  return isScenarioName(nameOrPath) ? `${SCENARIOS_DIR}${nameOrPath}.yaml` : nameOrPath
}

export function loadScenario(nameOrPath: string, options: LoadOptions): WorldData {
  const { text, file } = readScenarioText(nameOrPath)
  return parseScenario(text, file, options)
}

/** The build's prebuilt world of a scenario that generates (prebuilt-world.ts); undefined for one that does not. */
export function prebuildScenarioWorld(nameOrPath: string): { key: string; bytes: Buffer } | undefined {
  const { text, file } = readScenarioText(nameOrPath)
  const { built, generate } = readAndBuild(text, file, { now: 0 })
  return generate === null ? undefined : prebuildWorld(built, generate)
}

function readScenarioText(nameOrPath: string): { text: string; file: string } {
  const path = resolveScenarioPath(nameOrPath)
  const file = path === nameOrPath ? nameOrPath : displayName(path)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error)
    const hint = path === nameOrPath ? '' : ` (a bare name means scenarios/${nameOrPath}.yaml)`
    throw new ScenarioError([{ file, line: null, path: '', message: `cannot read the scenario: ${code}${hint}` }])
  }
  return { text, file }
}

/** Builds a world from scenario text; `file` names it in messages and anchors relative includes. */
export function parseScenario(text: string, file: string, options: LoadOptions): WorldData {
  const { built, generate, replay } = readAndBuild(text, file, options)
  const world = generate === null ? built : reshapeGeneratedTokens(seededWorld(built, generate, options.now), built.runners.length, options.tokenPrefixes)
  const replays = readReplays(replay, options.files)
  return replays.length === 0 ? world : { ...world, replays }
}

/** The scenario's own world, before generating, with its `generate:` spec and replay list. */
function readAndBuild(text: string, file: string, options: LoadOptions): { built: WorldData; generate: GenerateSpec | null; replay: MergedScenario['replay'] } {
  const merged = readScenario(text, file, options.files)
  // A scenario with confined file access came over the control API: it gets the lower caps.
  if (merged.generate !== null) merged.problems.push(...generateCapProblems(merged.generate.spec, merged.generate.at, options.files === undefined))
  // Every problem of every file at once: the builder reports its own after the files' and throws them all.
  const built = buildWorld(merged, options.now, options.tokenPrefixes)
  return { built, generate: merged.generate?.spec ?? null, replay: merged.replay }
}
