// Keeps the load generator and the server under test off each other's core, as the issue's
// side-by-side measurement did: the bench process (autocannon) on the first core, every server on the
// last. Without it the two fight over both cores and a fast server is measured as fast as the load
// generator leaves it room to be. Linux with util-linux's taskset and at least two cores; elsewhere
// nothing is pinned and the report says so.
import { execFileSync } from 'node:child_process'
import { cpus } from 'node:os'

const cores = cpus().length
const available = cores >= 2 && process.platform === 'linux' && hasTaskset()

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

export const SERVER_CORE = cores - 1
export const LOAD_CORE = 0

/** How the report describes the placement. */
export function pinningNote(): string {
  return available
    ? `servers pinned to core ${SERVER_CORE}, the load generator (this process) to core ${LOAD_CORE} (taskset)`
    : 'nothing pinned (needs Linux, taskset and two cores)'
}

/** Pins this process (the load generator) to its core. */
export function pinLoadGenerator(): void {
  if (available) execFileSync('taskset', ['-p', '-c', String(LOAD_CORE), String(process.pid)], { stdio: 'ignore' })
}

/** The command and arguments that run `node args…` on the server core (taskset execs, so the pid is node's). */
export function serverCommand(args: readonly string[]): [string, string[]] {
  return available ? ['taskset', ['-c', String(SERVER_CORE), process.execPath, ...args]] : [process.execPath, [...args]]
}
