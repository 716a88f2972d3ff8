// The world's data as the store keeps it: plain records keyed by id, times as epoch milliseconds.
// These are not wire entities (see server/serialize.ts for that bridge) and know nothing of HTTP.
import type { JobTable } from './job-table.js'

/** Epoch milliseconds. `null` where GitLab has no value (a runner that never contacted). */
export type Millis = number

export type TokenScope = 'api' | 'read_api' | 'read_user' | 'manage_runner' | 'create_runner'

/** GitLab's member access levels: Guest 10, Reporter 20, Developer 30, Maintainer 40, Owner 50. */
export type AccessLevel = 10 | 20 | 30 | 40 | 50
export const GUEST: AccessLevel = 10
export const REPORTER: AccessLevel = 20
export const DEVELOPER: AccessLevel = 30
export const MAINTAINER: AccessLevel = 40
export const OWNER: AccessLevel = 50

export type Visibility = 'private' | 'internal' | 'public'
export type RunnerType = 'instance_type' | 'group_type' | 'project_type'
export type RunnerAccessLevel = 'not_protected' | 'ref_protected'

export interface UserRecord {
  id: number
  username: string
  name: string
  state: 'active' | 'blocked'
  admin: boolean
  auditor: boolean
  publicEmail: string | null
  avatarUrl: string | null
  createdAt: Millis
}

/** A personal (or OAuth) access token. The token string is the secret a client sends. */
export interface AccessTokenRecord {
  token: string
  userId: number
  scopes: TokenScope[]
  expiresAt: Millis | null
  revoked: boolean
}

export interface Membership {
  userId: number
  accessLevel: AccessLevel
}

export interface InstanceRecord {
  /** Used to build web_url and Link headers, e.g. https://gitlab.example.com */
  webUrl: string
  registrationToken: string
  /** Instance setting "Allow runner registration token". */
  allowRegistrationToken: boolean
  /** Runner authentication token lifetime in seconds, or null for no expiry. */
  runnerTokenExpirationInterval: number | null
}

export interface GroupRecord {
  id: number
  name: string
  path: string
  parentId: number | null
  visibility: Visibility
  members: Membership[]
  sharedRunnersEnabled: boolean
  registrationToken: string
  allowRegistrationToken: boolean
  createdAt: Millis
}

export interface ProjectRecord {
  id: number
  name: string
  path: string
  description: string | null
  /** The group the project lives in; null for a project in a user's personal namespace. */
  groupId: number | null
  /** For personal projects: the owning user. */
  ownerUserId: number | null
  visibility: Visibility
  members: Membership[]
  sharedRunnersEnabled: boolean
  groupRunnersEnabled: boolean
  registrationToken: string
  allowRegistrationToken: boolean
  defaultBranch: string
  topics: string[]
  createdAt: Millis
  lastActivityAt: Millis
}

/** A runner's assignment to a project; createdAt drives If-Unmodified-Since on unassign. */
export interface RunnerProjectLink {
  projectId: number
  createdAt: Millis
}

export interface RunnerRecord {
  id: number
  runnerType: RunnerType
  description: string | null
  name: string | null
  active: boolean
  locked: boolean
  runUntagged: boolean
  tagList: string[]
  accessLevel: RunnerAccessLevel
  maximumTimeout: number | null
  maintenanceNote: string | null
  token: string
  tokenExpiresAt: Millis | null
  createdAt: Millis
  updatedAt: Millis
  contactedAt: Millis | null
  createdById: number | null
  /** Owner group of a group runner. */
  groupId: number | null
  /** Projects of a project runner, the owner project (the one it was created in) first. */
  projects: RunnerProjectLink[]
  registrationType: 'registration_token' | 'authenticated_user'
}

export interface RunnerManagerRecord {
  id: number
  runnerId: number
  systemId: string
  version: string | null
  revision: string | null
  platform: string | null
  architecture: string | null
  ipAddress: string | null
  createdAt: Millis
  contactedAt: Millis | null
}

export type JobStatus =
  | 'created' | 'waiting_for_resource' | 'preparing' | 'waiting_for_callback' | 'pending' | 'running'
  | 'success' | 'failed' | 'canceling' | 'canceled' | 'skipped' | 'manual' | 'scheduled'

export interface CommitRecord {
  id: string
  shortId: string
  title: string
  message: string
  authorName: string
  authorEmail: string
  authoredDate: Millis
  committerName: string
  committerEmail: string
  committedDate: Millis
  createdAt: Millis
  parentIds: string[]
}

export interface PipelineRecord {
  id: number
  iid: number
  projectId: number
  sha: string
  ref: string
  status: string
  source: string
  createdAt: Millis
  updatedAt: Millis
}

export interface JobRecord {
  id: number
  runnerId: number
  runnerManagerId: number | null
  projectId: number
  userId: number | null
  status: JobStatus
  stage: string
  name: string
  ref: string
  tag: boolean
  coverage: number | null
  allowFailure: boolean
  createdAt: Millis
  startedAt: Millis | null
  finishedAt: Millis | null
  erasedAt: Millis | null
  duration: number | null
  queuedDuration: number | null
  failureReason: string | null
  pipeline: PipelineRecord
  commit: CommitRecord
}

/**
 * A recorded GitLab exchange (the drift proxy's `--record` fixtures) that the mock answers with
 * instead of computing a reply. Only data here: the server does the matching.
 */
export interface RecordedExchange {
  /** Where it came from, for messages: `fixtures/recorded/0001-listRunners.json`. */
  source: string
  request: { method: string; path: string; query: Record<string, string | string[]> }
  response: { status: number; headers: Record<string, string>; body?: unknown }
}

/**
 * A world's jobs: records, as files and exports hold them, or the compact table generated worlds are
 * built as (store/job-table.ts); as JSON both are the array of records.
 */
export type Jobs = readonly JobRecord[] | JobTable

/** Everything a scenario describes: the input from which a World is built. */
export interface WorldData {
  instance: InstanceRecord
  users: UserRecord[]
  accessTokens: AccessTokenRecord[]
  groups: GroupRecord[]
  projects: ProjectRecord[]
  runners: RunnerRecord[]
  managers: RunnerManagerRecord[]
  jobs: Jobs
  /** Recorded exchanges to replay, in recording order; absent means none. */
  replays?: RecordedExchange[]
}
