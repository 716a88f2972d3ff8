// Checks an imported state (`PUT /__mock/state`, `importState`, a `--state-file`) before it replaces
// anything: every record has the fields the store reads, of the right type, ids are unique and what a
// record points at exists. Problems read like a scenario's, `runners[0].id: must be an integer`, so a
// bad import is a clear 400 instead of a 500 on some later request.
import type { WorldData } from '../store/records.js'

type Kind = 'id' | 'integer' | 'number' | 'string' | 'boolean' | 'strings' | 'object' | 'array' | readonly string[]
/** A field and what it holds; `?` after the name allows null. */
type Fields = Record<string, Kind>

const INSTANCE: Fields = { webUrl: 'string', registrationToken: 'string', allowRegistrationToken: 'boolean', 'runnerTokenExpirationInterval?': 'integer' }
const USER: Fields = {
  id: 'id', username: 'string', name: 'string', state: ['active', 'blocked'], admin: 'boolean', auditor: 'boolean',
  'publicEmail?': 'string', 'avatarUrl?': 'string', createdAt: 'number',
}
const ACCESS_TOKEN: Fields = { token: 'string', userId: 'id', scopes: 'strings', 'expiresAt?': 'number', revoked: 'boolean' }
const VISIBILITY = ['private', 'internal', 'public'] as const
const GROUP: Fields = {
  id: 'id', name: 'string', path: 'string', 'parentId?': 'id', visibility: VISIBILITY, members: 'array', sharedRunnersEnabled: 'boolean',
  registrationToken: 'string', allowRegistrationToken: 'boolean', createdAt: 'number',
}
const PROJECT: Fields = {
  id: 'id', name: 'string', path: 'string', 'description?': 'string', 'groupId?': 'id', 'ownerUserId?': 'id', visibility: VISIBILITY,
  members: 'array', sharedRunnersEnabled: 'boolean', groupRunnersEnabled: 'boolean', registrationToken: 'string',
  allowRegistrationToken: 'boolean', defaultBranch: 'string', topics: 'strings', createdAt: 'number', lastActivityAt: 'number',
}
const RUNNER: Fields = {
  id: 'id', runnerType: ['instance_type', 'group_type', 'project_type'], 'description?': 'string', 'name?': 'string', active: 'boolean',
  locked: 'boolean', runUntagged: 'boolean', tagList: 'strings', accessLevel: ['not_protected', 'ref_protected'], 'maximumTimeout?': 'integer',
  'maintenanceNote?': 'string', token: 'string', 'tokenExpiresAt?': 'number', createdAt: 'number', updatedAt: 'number',
  'contactedAt?': 'number', 'createdById?': 'id', 'groupId?': 'id', projects: 'array',
  registrationType: ['registration_token', 'authenticated_user'],
}
const MANAGER: Fields = {
  id: 'id', runnerId: 'id', systemId: 'string', 'version?': 'string', 'revision?': 'string', 'platform?': 'string',
  'architecture?': 'string', 'ipAddress?': 'string', createdAt: 'number', 'contactedAt?': 'number',
}
const JOB: Fields = {
  id: 'id', runnerId: 'id', 'runnerManagerId?': 'id', projectId: 'id', 'userId?': 'id', status: 'string', stage: 'string', name: 'string',
  ref: 'string', tag: 'boolean', 'coverage?': 'number', allowFailure: 'boolean', createdAt: 'number', 'startedAt?': 'number',
  'finishedAt?': 'number', 'erasedAt?': 'number', 'duration?': 'number', 'queuedDuration?': 'number', 'failureReason?': 'string',
  pipeline: 'object', commit: 'object',
}
const MEMBER: Fields = { userId: 'id', accessLevel: 'integer' }
const PROJECT_LINK: Fields = { projectId: 'id', createdAt: 'number' }

const COLLECTIONS = { users: USER, accessTokens: ACCESS_TOKEN, groups: GROUP, projects: PROJECT, runners: RUNNER, managers: MANAGER, jobs: JOB } as const

// Enough to fix a file by; a thousand copies of one mistake help nobody.
const MAX_PROBLEMS = 20

export class StateError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'))
    this.name = 'StateError'
  }
}

/** Throws StateError listing the first problems; returns the data, now known to be WorldData. */
export function checkState(data: unknown): WorldData {
  const problems: string[] = []
  const problem = (path: string, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push(path === '' ? message : `${path}: ${message}`)
  }
  if (!isRecord(data)) {
    problem('', 'must be an object with instance, users, accessTokens, groups, projects, runners, managers and jobs')
    throw new StateError(problems)
  }
  if (!isRecord(data.instance)) problem('instance', 'must be an object')
  else checkFields(data.instance, INSTANCE, 'instance', problem)
  const ids: Partial<Record<keyof typeof COLLECTIONS, Set<number>>> = {}
  for (const [name, fields] of Object.entries(COLLECTIONS) as Array<[keyof typeof COLLECTIONS, Fields]>) {
    const list = data[name]
    if (!Array.isArray(list)) {
      problem(name, 'must be an array')
      continue
    }
    const seen = new Set<number>()
    list.forEach((record, index) => {
      const path = `${name}[${index}]`
      if (!isRecord(record)) return problem(path, 'must be an object')
      checkFields(record, fields, path, problem)
      if (typeof record.id === 'number') {
        if (seen.has(record.id)) problem(`${path}.id`, `${record.id} is used by an earlier record`)
        seen.add(record.id)
      }
      for (const key of ['members', 'projects'] as const) {
        if (fields[key] !== 'array' || !Array.isArray(record[key])) continue
        ;(record[key] as unknown[]).forEach((item, at) => {
          if (!isRecord(item)) problem(`${path}.${key}[${at}]`, 'must be an object')
          else checkFields(item, key === 'members' ? MEMBER : PROJECT_LINK, `${path}.${key}[${at}]`, problem)
        })
      }
    })
    ids[name] = seen
  }
  if (problems.length === 0) checkReferences(data as unknown as WorldData, ids as Record<keyof typeof COLLECTIONS, Set<number>>, problem)
  if (data.replays !== undefined && !Array.isArray(data.replays)) problem('replays', 'must be an array')
  if (problems.length > 0) throw new StateError(problems)
  return data as unknown as WorldData
}

function checkFields(record: Record<string, unknown>, fields: Fields, path: string, problem: (path: string, message: string) => void): void {
  for (const [key, kind] of Object.entries(fields)) {
    const nullable = key.endsWith('?')
    const name = nullable ? key.slice(0, -1) : key
    const value = record[name]
    if (value === undefined) problem(path, `must have a ${name}`)
    else if (value === null ? !nullable : !fits(value, kind)) problem(`${path}.${name}`, `must be ${describe(kind)}${nullable ? ' or null' : ''}`)
  }
}

function fits(value: unknown, kind: Kind): boolean {
  if (typeof kind !== 'string') return typeof value === 'string' && kind.includes(value)
  switch (kind) {
    case 'id':
      return Number.isSafeInteger(value) && (value as number) > 0
    case 'integer':
      return Number.isSafeInteger(value)
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
    case 'strings':
      return Array.isArray(value) && value.every((item) => typeof item === 'string')
    case 'object':
      return isRecord(value)
    case 'array':
      return Array.isArray(value)
    default:
      return typeof value === kind
  }
}

function describe(kind: Kind): string {
  if (typeof kind !== 'string') return `one of ${kind.join(', ')}`
  const words: Record<string, string> = {
    id: 'a positive integer', integer: 'an integer', number: 'a number', string: 'a string', boolean: 'a boolean',
    strings: 'an array of strings', object: 'an object', array: 'an array',
  }
  return words[kind]!
}

function checkReferences(data: WorldData, ids: Record<keyof typeof COLLECTIONS, Set<number>>, problem: (path: string, message: string) => void): void {
  const refer = (path: string, id: number | null, collection: keyof typeof COLLECTIONS) => {
    if (id !== null && !ids[collection].has(id)) problem(path, `no record with id ${id} in ${collection}`)
  }
  data.accessTokens.forEach((token, index) => refer(`accessTokens[${index}].userId`, token.userId, 'users'))
  data.groups.forEach((group, index) => refer(`groups[${index}].parentId`, group.parentId, 'groups'))
  data.projects.forEach((project, index) => {
    refer(`projects[${index}].groupId`, project.groupId, 'groups')
    refer(`projects[${index}].ownerUserId`, project.ownerUserId, 'users')
  })
  data.runners.forEach((runner, index) => {
    refer(`runners[${index}].groupId`, runner.groupId, 'groups')
    runner.projects.forEach((link, at) => refer(`runners[${index}].projects[${at}].projectId`, link.projectId, 'projects'))
    if (runner.runnerType === 'group_type' && runner.groupId === null) problem(`runners[${index}].groupId`, 'a group runner needs its group')
    if (runner.runnerType === 'project_type' && runner.projects.length === 0) problem(`runners[${index}].projects`, 'a project runner needs its project')
  })
  data.managers.forEach((manager, index) => refer(`managers[${index}].runnerId`, manager.runnerId, 'runners'))
  for (const [index, job] of [...data.jobs].entries()) {
    refer(`jobs[${index}].runnerId`, job.runnerId, 'runners')
    refer(`jobs[${index}].projectId`, job.projectId, 'projects')
    refer(`jobs[${index}].runnerManagerId`, job.runnerManagerId, 'managers')
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
