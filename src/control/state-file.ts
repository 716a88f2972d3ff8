// The state file behind `serve --state-file`: the main scope's state written with write-then-rename
// before every change is applied, so a crash mid-write leaves the previous file whole, an answered
// change is already on disk, and a change the disk refused is refused to the client too.
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import type { WorldData } from '../store/records.js'
import { checkState, StateError } from './state-check.js'

const FORMAT = 'gitlab-runners-mock-state/1'

interface StateFile {
  format: string
  savedAt: string
  world: WorldData
}

export class StateFileError extends Error {}

/** Synchronous on purpose: the change is applied and answered only once it is on disk. Throws when it cannot be. */
export function writeStateFile(path: string, world: WorldData): void {
  const temporary = `${path}.${process.pid}.tmp`
  const file: StateFile = { format: FORMAT, savedAt: new Date().toISOString(), world }
  try {
    const fd = openSync(temporary, 'w')
    try {
      writeSync(fd, JSON.stringify(file))
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(temporary, path)
  } catch (error) {
    // A half-written temporary (a full disk) is no use to anyone.
    rmSync(temporary, { force: true })
    throw error
  }
}

/**
 * Removes `<file>.<pid>.tmp` files that writes interrupted by a crash left behind. A file of a process
 * still running is left alone: that may be another mock writing the same state file right now.
 */
export function removeLeftoverTemporaries(path: string): void {
  const dir = dirname(path)
  const prefix = `${basename(path)}.`
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) {
    const pid = name.startsWith(prefix) && name.endsWith('.tmp') ? name.slice(prefix.length, -'.tmp'.length) : ''
    if (!/^\d+$/.test(pid) || (Number(pid) !== process.pid && isRunning(Number(pid)))) continue
    const leftover = join(dir, name)
    if (statSync(leftover, { throwIfNoEntry: false })?.isFile()) rmSync(leftover, { force: true })
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, as someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The saved state, checked like an import, or undefined when there is no file yet. */
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
  try {
    return checkState((parsed as StateFile).world)
  } catch (error) {
    if (!(error instanceof StateError)) throw error
    throw new StateFileError(error.problems.map((problem) => `${path} world.${problem}`).join('\n'))
  }
}
