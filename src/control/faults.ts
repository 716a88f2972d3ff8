// Faults a test injects into one scope: latency, a forced status, an error rate, a dropped connection,
// matched by operationId or by path. Knows nothing of HTTP: it only decides what happens to a request.
import { closeMatches } from '../close-matches.js'
import type { components } from '../generated/control.js'
import { mulberry32 } from '../scenarios/seeded-random.js'

export interface FaultSpec {
  /** Match this contract operation, e.g. `getRunner`. */
  operationId?: string
  /** Or match this path under `/api/v4`; `*` stands for one segment, e.g. `/runners/*`. */
  path?: string
  /** Only for this HTTP method (with `path`); any method when absent. */
  method?: components['schemas']['FaultSpec']['method']
  /** Wait this long before answering: fixed milliseconds, or a random pick between min and max. */
  latencyMs?: number | { min: number; max: number }
  /** Answer this status with GitLab's body for it, instead of running the request. */
  status?: number
  /** Close the connection without an answer. */
  drop?: boolean
  /** Share of matching requests the fault hits, 0 to 1 (default 1). */
  rate?: number
  /** Seed for `rate` and random latency, so a test sees the same sequence every run. */
  seed?: number
  /** Remove the fault after it has hit this many requests. */
  times?: number
}

export interface Fault extends FaultSpec {
  id: string
  /** Requests the fault has hit so far. */
  hits: number
}

/** What a matching fault does to one request. */
export interface FaultAction {
  faultId: string
  delayMs: number
  status: number | undefined
  drop: boolean
}

export class FaultError extends Error {}

/** What a fault may name: the API's operation ids and path templates (`/runners/{id}`, under /api/v4). */
export interface FaultTargets {
  operationIds: readonly string[]
  paths: readonly string[]
}

/** Refuses a fault that could never fire: an unknown operationId, or a path no route matches. */
export function checkFaultTarget(spec: FaultSpec, targets: FaultTargets): void {
  const { operationId, path } = spec
  if (operationId !== undefined && !targets.operationIds.includes(operationId)) {
    throw new FaultError(`no operation is called '${operationId}'${suggest(closeMatches(operationId, targets.operationIds))}`)
  }
  if (path !== undefined) {
    const wanted = segmentsOf(path)
    const routes = targets.paths.map(segmentsOf)
    const matches = (route: string[]) =>
      route.length === wanted.length && route.every((segment, i) => segment.startsWith('{') || wanted[i] === '*' || wanted[i] === segment)
    if (!routes.some(matches)) {
      const written = targets.paths.map((template) => template.replace(/\{[^}]+\}/g, '*'))
      throw new FaultError(`no route matches path '${path}' (paths are under /api/v4, * stands for one segment)${suggest(closeMatches(path, [...new Set(written)]))}`)
    }
  }
}

function segmentsOf(path: string): string[] {
  return path.replace(/\/+$/, '').split('/')
}

function suggest(matches: string[]): string {
  return matches.length === 0 ? '' : `; close matches: ${matches.join(', ')}`
}

interface Armed {
  fault: Fault
  pattern: RegExp | undefined
  random: () => number
}

export class FaultSet {
  private armed: Armed[] = []
  private nextId = 1

  add(spec: FaultSpec): Fault {
    checkSpec(spec)
    const fault: Fault = { ...structuredClone(spec), id: `f${this.nextId++}`, hits: 0 }
    const pattern = spec.path === undefined ? undefined : pathPattern(spec.path)
    this.armed.push({ fault, pattern, random: mulberry32(spec.seed ?? Math.floor(Math.random() * 2 ** 32)) })
    return structuredClone(fault)
  }

  list(): Fault[] {
    return this.armed.map((armed) => structuredClone(armed.fault))
  }

  /** False when there was no such fault. */
  remove(id: string): boolean {
    const before = this.armed.length
    this.armed = this.armed.filter((armed) => armed.fault.id !== id)
    return this.armed.length < before
  }

  clear(): void {
    this.armed = []
  }

  /** The first fault (in the order added) that matches and, by its rate, hits this request. */
  decide(operationId: string | undefined, method: string, path: string): FaultAction | undefined {
    for (const armed of this.armed) {
      const { fault } = armed
      if (fault.operationId !== undefined && fault.operationId !== operationId) continue
      if (armed.pattern && !armed.pattern.test(path)) continue
      if (fault.method !== undefined && fault.method.toUpperCase() !== method.toUpperCase()) continue
      if (armed.random() >= (fault.rate ?? 1)) continue
      fault.hits += 1
      if (fault.times !== undefined && fault.hits >= fault.times) this.remove(fault.id)
      return { faultId: fault.id, delayMs: delayOf(fault.latencyMs, armed.random), status: fault.status, drop: fault.drop === true }
    }
    return undefined
  }
}

function checkSpec(spec: FaultSpec): void {
  if (spec.operationId === undefined && spec.path === undefined) throw new FaultError('a fault needs an operationId or a path to match')
  if (spec.latencyMs === undefined && spec.status === undefined && spec.drop !== true) {
    throw new FaultError('a fault needs latencyMs, status or drop: true')
  }
  if (spec.status !== undefined && spec.drop === true) throw new FaultError('a fault either forces a status or drops the connection, not both')
  if (typeof spec.latencyMs === 'object' && spec.latencyMs.min > spec.latencyMs.max) {
    throw new FaultError(`latencyMs.min (${spec.latencyMs.min}) is above latencyMs.max (${spec.latencyMs.max})`)
  }
}

function pathPattern(path: string): RegExp {
  const segments = path.split('/').map((segment) => (segment === '*' ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
  return new RegExp(`^${segments.join('/')}/?$`)
}

function delayOf(latency: FaultSpec['latencyMs'], random: () => number): number {
  if (latency === undefined) return 0
  if (typeof latency === 'number') return latency
  return Math.round(latency.min + random() * (latency.max - latency.min))
}

