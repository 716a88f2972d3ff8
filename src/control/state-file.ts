// The state file behind `serve --state-file`: the main scope's state written with write-then-rename
// after every accepted change, so a crash mid-write leaves the previous file whole and an answered
// change is already on disk.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs'
import type { WorldData } from '../store/records.js'

const FORMAT = 'gitlab-runners-mock-state/1'

interface StateFile {
  format: string
  savedAt: string
  world: WorldData
}

export class StateFileError extends Error {}

/** Synchronous on purpose: the answer to a change is sent only once the change is on disk. */
export function writeStateFile(path: string, world: WorldData): void {
  const temporary = `${path}.${process.pid}.tmp`
  const file: StateFile = { format: FORMAT, savedAt: new Date().toISOString(), world }
  const fd = openSync(temporary, 'w')
  try {
    writeSync(fd, JSON.stringify(file))
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
  renameSync(temporary, path)
}

/** The saved state, or undefined when there is no file yet. */
export function readStateFile(path: string): WorldData | undefined {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new StateFileError(`${path}: cannot read the state file (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new StateFileError(`${path}: not a state file: ${(error as Error).message}`)
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as StateFile).format !== FORMAT) {
    throw new StateFileError(`${path}: not a state file: expected format '${FORMAT}'`)
  }
  return (parsed as StateFile).world
}
