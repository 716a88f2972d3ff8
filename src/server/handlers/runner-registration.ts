// How runners come to be and speak for themselves: register, create for the current user, and the
// runner-token endpoints (verify, unregister, reset). Runner-token endpoints have no user actor.
import * as store from '../../store/runner-registration.js'
import { parseTagList } from '../../store/tags.js'
import { ifUnmodifiedSince, signedIn, type Handler, type Params } from '../handler.js'
import { serializeAuthenticationToken, serializeRegistrationDetails } from '../serialize.js'

/** The settings both ways of making a runner take, in the store's terms. */
function runnerSettings(params: Params<'registerRunner'> | Params<'createUserRunner'>): store.RunnerSettings {
  return {
    description: params.description,
    maintenanceNote: params.maintenance_note,
    paused: params.paused,
    locked: params.locked,
    runUntagged: params.run_untagged,
    tagList: params.tag_list === undefined ? undefined : parseTagList(params.tag_list),
    accessLevel: params.access_level,
    maximumTimeout: params.maximum_timeout,
  }
}

export const registerRunner: Handler<'registerRunner'> = ({ params }, { world, release }) => {
  const runner = store.registerRunner(world, {
    ...runnerSettings(params),
    token: params.token,
    info: params.info,
    active: params.active,
    // maintainer_note is the deprecated spelling of maintenance_note (the contract forbids both at once).
    maintenanceNote: params.maintenance_note ?? params.maintainer_note,
    keepInfoVersions: release.behaviour('runnerVersionFieldsFrom') === 'runner',
    registrationSwitch: release.behaviour('registrationTokenSwitch'),
    namesInvalidToken: release.behaviour('invalidRegistrationTokenMessage') !== '403 Forbidden',
    tokenPrefixes: release.tokenPrefixes,
  })
  return { status: 201, body: serializeRegistrationDetails(runner, release) }
}

export const createUserRunner: Handler<'createUserRunner'> = ({ params }, context) => {
  const runner = store.createUserRunner(context.world, signedIn(context), {
    ...runnerSettings(params),
    runnerType: params.runner_type,
    groupId: params.group_id,
    projectId: params.project_id,
    tokenPrefixes: context.release.tokenPrefixes,
  })
  return { status: 201, body: serializeRegistrationDetails(runner, context.release) }
}

export const deleteRunnerByToken: Handler<'deleteRunnerByToken'> = ({ params, headers }, { world }) => {
  store.deleteRunnerByToken(world, { token: params.token, ifUnmodifiedSince: ifUnmodifiedSince(headers) })
  return { status: 204 }
}

export const verifyRunner: Handler<'verifyRunner'> = ({ params }, { world, release }) => {
  const runner = store.verifyRunner(world, { token: params.token, systemId: params.system_id })
  // 200, not 201: GitLab sets the status explicitly (reference §6.3). Before 16.0 the body was the bare number 200.
  if (release.behaviour('verifyResponse') === 'status-200') return { status: 200, body: 200 }
  return { status: 200, body: serializeRegistrationDetails(runner, release) }
}

export const resetRunnerAuthenticationTokenByToken: Handler<'resetRunnerAuthenticationTokenByToken'> = ({ params }, { world, release }) => {
  const result = store.resetRunnerAuthenticationTokenByToken(world, { token: params.token, tokenPrefixes: release.tokenPrefixes })
  return { status: 201, body: serializeAuthenticationToken(result) }
}

