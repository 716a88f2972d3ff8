// The scenario file format as TypeScript sees it after scenarios/scenario.schema.json has accepted
// a document. The schema is the authority; these types mirror it and say nothing new.

export type TimeSpec = string | null
export type RoleName = 'guest' | 'reporter' | 'developer' | 'maintainer' | 'owner'
export type VisibilitySpec = 'private' | 'internal' | 'public'

export interface InstanceSpec {
  web_url?: string
  registration_token?: string
  allow_registration_token?: boolean
  runner_token_expiration_interval?: number | null
}

export interface TokenSpec {
  token: string
  scopes: Array<'api' | 'read_api' | 'read_user' | 'manage_runner' | 'create_runner'>
  expires_at?: TimeSpec
  revoked?: boolean
}

export interface UserSpec {
  id?: number
  username: string
  name?: string
  state?: 'active' | 'blocked'
  admin?: boolean
  auditor?: boolean
  public_email?: string | null
  avatar_url?: string | null
  created_at?: TimeSpec
  tokens?: TokenSpec[]
}

export interface GroupSpec {
  id?: number
  path: string
  name?: string
  visibility?: VisibilitySpec
  members?: Record<string, RoleName>
  shared_runners_enabled?: boolean
  registration_token?: string
  allow_registration_token?: boolean
  created_at?: TimeSpec
}

export interface ProjectSpec {
  id?: number
  path: string
  name?: string
  description?: string | null
  visibility?: VisibilitySpec
  members?: Record<string, RoleName>
  shared_runners_enabled?: boolean
  group_runners_enabled?: boolean
  registration_token?: string
  allow_registration_token?: boolean
  default_branch?: string
  topics?: string[]
  created_at?: TimeSpec
  last_activity_at?: TimeSpec
}

export interface ManagerSpec {
  id?: number
  system_id: string
  version?: string | null
  revision?: string | null
  platform?: string | null
  architecture?: string | null
  ip_address?: string | null
  created_at?: TimeSpec
  contacted_at?: TimeSpec
}

export interface PipelineSpec {
  id?: number
  iid?: number
  status?: string
  source?: string
  created_at?: TimeSpec
}

export interface CommitSpec {
  sha?: string
  title?: string
  message?: string
  author_name?: string
  author_email?: string
  parent_ids?: string[]
  created_at?: TimeSpec
}

export type JobStatusSpec =
  | 'created' | 'waiting_for_resource' | 'preparing' | 'waiting_for_callback' | 'pending' | 'running'
  | 'success' | 'failed' | 'canceling' | 'canceled' | 'skipped' | 'manual' | 'scheduled'

export interface JobSpec {
  id?: number
  count?: number
  every?: string
  project: string
  user?: string | null
  manager?: string
  status?: JobStatusSpec
  stage?: string
  name?: string
  ref?: string
  tag?: boolean
  coverage?: number | null
  allow_failure?: boolean
  created_at?: TimeSpec
  started_at?: TimeSpec
  finished_at?: TimeSpec
  erased_at?: TimeSpec
  duration?: number | null
  queued_duration?: number | null
  failure_reason?: string | null
  pipeline?: PipelineSpec
  commit?: CommitSpec
}

export interface RunnerSpec {
  id?: number
  runner_type: 'instance_type' | 'group_type' | 'project_type'
  group?: string
  /** null: the owner project was deleted, leaving the runner orphaned. */
  project?: string | null
  projects?: string[]
  description?: string | null
  name?: string | null
  paused?: boolean
  locked?: boolean
  run_untagged?: boolean
  tag_list?: string[]
  access_level?: 'not_protected' | 'ref_protected'
  maximum_timeout?: number | null
  maintenance_note?: string | null
  token?: string
  token_expires_at?: TimeSpec
  created_at?: TimeSpec
  updated_at?: TimeSpec
  contacted_at?: TimeSpec
  created_by?: string | null
  registration_type?: 'registration_token' | 'authenticated_user'
  managers?: ManagerSpec[]
  jobs?: JobSpec[]
}

export interface GenerateSpec {
  seed: number
  runners?: number
  jobs_per_runner?: number
  users?: number
  groups?: number
  projects?: number
}

export interface ScenarioFile {
  $schema?: string
  description?: string
  include?: string[]
  instance?: InstanceSpec
  users?: UserSpec[]
  groups?: GroupSpec[]
  projects?: ProjectSpec[]
  runners?: RunnerSpec[]
  generate?: GenerateSpec
  /** Recorded exchanges to replay: fixture files or folders, relative to the file. */
  replay?: string[]
}
