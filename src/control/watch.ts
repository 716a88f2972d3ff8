// `serve --watch`: reloads the scenario when its file or any file it includes changes. A broken file
// keeps the state that is being served; the caller prints the problem.
import { watch, readFileSync, type FSWatcher } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import { yamlPackage } from '../lazy-packages.js'
import { resolveScenarioPath } from '../scenarios/load.js'

export interface ScenarioWatcher {
  /** The files watched now (they change when includes do). */
  files(): string[]
  close(): void
}

// Editors write a file in several steps; one reload per burst of events.
const SETTLE_MS = 100

/** Calls `changed` once after each burst of changes to the scenario or its includes. */
export function watchScenario(nameOrPath: string, changed: () => void): ScenarioWatcher {
  const root = resolve(resolveScenarioPath(nameOrPath))
  let files = scenarioFiles(root)
  let watchers: FSWatcher[] = []
  let timer: NodeJS.Timeout | undefined

  const arm = (): void => {
    for (const watcher of watchers) watcher.close()
    // Directories, not files: an editor that saves by rename would leave a file watcher on a dead inode.
    const directories = new Set(files.map((file) => dirname(file)))
    watchers = [...directories].map((directory) =>
      watch(directory, (_event, name) => {
        if (name === null || !files.some((file) => dirname(file) === directory && basename(file) === name.toString())) return
        clearTimeout(timer)
        timer = setTimeout(() => {
          files = scenarioFiles(root)
          arm()
          changed()
        }, SETTLE_MS)
      }),
    )
  }
  arm()
  return {
    files: () => [...files],
    close() {
      clearTimeout(timer)
      for (const watcher of watchers) watcher.close()
    },
  }
}

/** The scenario file and every file it includes, as far as they can be read right now. */
export function scenarioFiles(file: string, seen: string[] = []): string[] {
  if (seen.includes(file)) return []
  const found = [file]
  let includes: unknown
  try {
    includes = (yamlPackage().parse(readFileSync(file, 'utf8')) as { include?: unknown } | null)?.include
  } catch {
    // A broken or missing file is still watched: fixing it must trigger a reload.
    return found
  }
  if (!Array.isArray(includes)) return found
  for (const include of includes) {
    if (typeof include === 'string') found.push(...scenarioFiles(resolve(dirname(file), include), [...seen, file]))
  }
  return found
}
