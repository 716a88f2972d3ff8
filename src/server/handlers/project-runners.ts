// Assigning project runners to projects and taking them away.
import * as store from '../../store/project-runners.js'
import { ifUnmodifiedSince, signedIn, type Handler } from '../handler.js'
import { serializeRunner } from '../serialize.js'

export const assignProjectRunner: Handler<'assignProjectRunner'> = ({ params }, context) => {
  const runner = store.assignProjectRunner(context.world, signedIn(context), { projectId: params.id, runnerId: params.runner_id })
  return { status: 201, body: serializeRunner(context.world, runner, context.release) }
}

export const unassignProjectRunner: Handler<'unassignProjectRunner'> = ({ params, headers }, context) => {
  store.unassignProjectRunner(context.world, signedIn(context), {
    projectId: params.id,
    runnerId: params.runner_id,
    ifUnmodifiedSince: ifUnmodifiedSince(headers),
    keeps: context.release.behaviour('projectRunnerUnassignRule'),
  })
  return { status: 204 }
}
