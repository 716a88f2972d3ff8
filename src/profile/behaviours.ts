// Behaviour switches: how a release behaves where no schema can say it (thresholds, default order,
// messages, which source a field reads). Read from the document's root `x-gitlab-behaviours`:
//   onlineWindow:
//     description: ...
//     values:
//       - value: 1h
//       - value: 2h
//         since: {from: '12.0', to: '13.0'}
// Each value applies from its `since` (the first from the beginning). Inside a window the release
// answers with the value before the change (the change is not proven yet); `behaviourState` says so.
import { encodePointer, isObject } from '../contract/pointer.js'
import { FactError, readMoment } from './facts.js'
import { formatRelease, sideOf, type Moment, type Release } from './release.js'

export interface Behaviours {
  /** How recently a runner must have contacted GitLab to be online. */
  onlineWindow: '1h' | '2h'
  /** How long without contact makes a runner stale; null before `stale` existed. */
  staleWindow: null | '3mo' | '7d'
  /** The `status` of a runner that never contacted GitLab. */
  neverContactedStatus: 'not_connected' | 'never_contacted'
  /** Whether a runner's `ip_address` carries its address or is always null. */
  ipAddress: 'value' | 'null'
  /** `POST /runners/verify`'s 200 body: the bare number 200, or `{id, token, token_expires_at}`. */
  verifyResponse: 'status-200' | 'registration-details'
  /** The order of `GET /runners/:id/jobs` without `order_by`/`sort`. */
  jobsDefaultOrder: 'desc' | 'asc'
  /** Whether `PUT /runners/:id` answers with `projects`. */
  putReturnsProjects: boolean
  /** The message of the 404 for an unknown runner id. */
  runnerNotFoundMessage: string
  /** Whether registration tokens can be switched off per instance and group (then 410/403). */
  registrationTokenSwitch: boolean
  /** Where `version`, `revision`, `platform`, `architecture` of a runner come from. */
  runnerVersionFieldsFrom: 'runner' | 'managers'
  /** What keeps a project runner from being unassigned: its last project, or its owner project. */
  projectRunnerUnassignRule: 'last-project' | 'owner-project'
  /** The 403 message of `POST /runners` for a registration token that matches nothing. */
  invalidRegistrationTokenMessage: string
  /** Who sees a runner's `maintenance_note`: every reader, or only callers who may update it. */
  maintenanceNoteVisibility: 'everyone' | 'updaters'
  /** Whether a token with only the `manage_runner` scope is accepted. */
  manageRunnerScope: boolean
  /** Whether a token with only the `create_runner` scope is accepted. */
  createRunnerScope: boolean
  /** Whether auditors may list every runner (`GET /runners/all`). */
  auditorsListAllRunners: boolean
  /** The prefix of authentication tokens of runners registered with a registration token. */
  registeredRunnerTokenPrefix: '' | 't1_' | 'glrtr-'
  /** The prefix of authentication tokens of runners created with `POST /user/runners` (or the UI). */
  createdRunnerTokenPrefix: '' | 'glrt-'
  /** Whether an instance may configure the prefix of created runners' tokens. */
  createdRunnerTokenPrefixConfigurable: boolean
}

export type BehaviourName = keyof Behaviours

const oneOf =
  (...allowed: unknown[]) =>
  (value: unknown): boolean =>
    allowed.includes(value)
const isBoolean = (value: unknown): boolean => typeof value === 'boolean'
const isText = (value: unknown): boolean => typeof value === 'string' && value !== ''

const valueChecks: Record<BehaviourName, (value: unknown) => boolean> = {
  onlineWindow: oneOf('1h', '2h'),
  staleWindow: oneOf(null, '3mo', '7d'),
  neverContactedStatus: oneOf('not_connected', 'never_contacted'),
  ipAddress: oneOf('value', 'null'),
  verifyResponse: oneOf('status-200', 'registration-details'),
  jobsDefaultOrder: oneOf('desc', 'asc'),
  putReturnsProjects: isBoolean,
  runnerNotFoundMessage: isText,
  registrationTokenSwitch: isBoolean,
  runnerVersionFieldsFrom: oneOf('runner', 'managers'),
  projectRunnerUnassignRule: oneOf('last-project', 'owner-project'),
  invalidRegistrationTokenMessage: isText,
  maintenanceNoteVisibility: oneOf('everyone', 'updaters'),
  manageRunnerScope: isBoolean,
  createRunnerScope: isBoolean,
  auditorsListAllRunners: isBoolean,
  registeredRunnerTokenPrefix: oneOf('', 't1_', 'glrtr-'),
  createdRunnerTokenPrefix: oneOf('', 'glrt-'),
  createdRunnerTokenPrefixConfigurable: isBoolean,
}

export const behaviourNames = Object.keys(valueChecks) as BehaviourName[]

export interface BehaviourState<K extends BehaviourName = BehaviourName> {
  value: Behaviours[K]
  /** Set when the release lies inside the window of a change: the value GitLab may answer instead. */
  window?: { from: string; to: string; otherValue: Behaviours[K] }
}

interface Step {
  value: unknown
  since?: Moment
}

export type BehaviourTable = Map<BehaviourName, Step[]>

/** Reads and checks every switch; a missing switch or a value outside its type is a FactError. */
export function readBehaviours(document: Record<string, unknown>): BehaviourTable {
  const root = document['x-gitlab-behaviours']
  const table: BehaviourTable = new Map()
  const at = encodePointer(['x-gitlab-behaviours'])
  if (!isObject(root)) throw new FactError(at, 'the contract has no x-gitlab-behaviours mapping')
  for (const name of behaviourNames) {
    const pointer = `${at}/${name}`
    const entry = root[name]
    if (!isObject(entry) || !Array.isArray(entry['values']) || entry['values'].length === 0) throw new FactError(pointer, `behaviour '${name}' needs a non-empty values list`)
    const steps = entry['values'].map((raw: unknown, index): Step => {
      const where = `${pointer}/values/${index}`
      if (!isObject(raw) || !('value' in raw)) throw new FactError(where, 'a behaviour value needs `value`')
      if (!valueChecks[name](raw['value'])) throw new FactError(`${where}/value`, `${JSON.stringify(raw['value'])} is not a value of ${name}`)
      if (index > 0 && raw['since'] === undefined) throw new FactError(where, 'every value after the first needs `since`')
      return raw['since'] === undefined ? { value: raw['value'] } : { value: raw['value'], since: readMoment(raw['since'], `${where}/since`) }
    })
    table.set(name, steps)
  }
  for (const name of Object.keys(root)) if (!table.has(name as BehaviourName)) throw new FactError(`${at}/${name}`, `unknown behaviour '${name}' (known: ${behaviourNames.join(', ')})`)
  return table
}

export function behaviourStateIn<K extends BehaviourName>(table: BehaviourTable, name: K, release: Release): BehaviourState<K> {
  const steps = table.get(name)!
  let state: BehaviourState<K> = { value: steps[0]!.value as Behaviours[K] }
  for (const step of steps.slice(1)) {
    const side = sideOf(release, step.since!)
    if (side === 'before') break
    if (side === 'after') state = { value: step.value as Behaviours[K] }
    else {
      const window = (step.since as { window: { from: Release; to: Release } }).window
      state = { value: state.value, window: { from: formatRelease(window.from), to: formatRelease(window.to), otherValue: step.value as Behaviours[K] } }
      break
    }
  }
  return state
}
