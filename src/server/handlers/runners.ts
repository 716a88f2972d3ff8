// One runner by id: details, update, delete, its jobs, managers and projects, and the token reset.
import * as store from '../../store/runners.js'
import { listRunnerJobs as storeListRunnerJobs } from '../../store/runner-jobs.js'
import { parseTagList } from '../../store/tags.js'
import { ifUnmodifiedSince, signedIn, type Handler } from '../handler.js'
import { keysetHeaders, offsetHeaders } from '../pagination-headers.js'
import { serializeAuthenticationToken, serializeJobs, serializeManagers, serializeProjects, serializeRunnerDetails } from '../serialize.js'

export const getRunner: Handler<'getRunner'> = ({ params }, context) => {
  const view = store.getRunner(context.world, signedIn(context), { id: params.id })
  return { status: 200, body: serializeRunnerDetails(context.world, view, params.include_projects ?? true, context.release) }
}

export const updateRunner: Handler<'updateRunner'> = ({ params }, context) => {
  const view = store.updateRunner(context.world, signedIn(context), {
    id: params.id,
    description: params.description,
    active: params.active,
    paused: params.paused,
    tagList: params.tag_list === undefined ? undefined : parseTagList(params.tag_list),
    runUntagged: params.run_untagged,
    locked: params.locked,
    accessLevel: params.access_level,
    maximumTimeout: params.maximum_timeout,
    maintenanceNote: params.maintenance_note,
  })
  // The newest GitLab no longer sends `projects` from PUT (reference §3.2); older releases did.
  return { status: 200, body: serializeRunnerDetails(context.world, view, context.release.behaviour('putReturnsProjects'), context.release) }
}

export const deleteRunner: Handler<'deleteRunner'> = ({ params, headers }, context) => {
  store.deleteRunner(context.world, signedIn(context), { id: params.id, ifUnmodifiedSince: ifUnmodifiedSince(headers) })
  return { status: 204 }
}

export const listRunnerJobs: Handler<'listRunnerJobs'> = ({ params }, context) => {
  const { world, link, release } = context
  const result = storeListRunnerJobs(world, signedIn(context), {
    id: params.id,
    status: params.status,
    orderBy: params.order_by,
    sort: params.sort,
    systemId: params.system_id,
    pagination: params.pagination,
    cursor: params.cursor,
    page: params.page,
    perPage: params.per_page,
    defaultOrder: release.behaviour('jobsDefaultOrder'),
  })
  const body = serializeJobs(world, result.page.items, release)
  const headers =
    result.pagination === 'keyset'
      ? keysetHeaders(result.page.nextCursor, result.page.perPage, link)
      : offsetHeaders(result.page, link)
  return { status: 200, body, headers }
}

export const listRunnerManagers: Handler<'listRunnerManagers'> = ({ params }, context) => {
  const managers = store.listRunnerManagers(context.world, signedIn(context), { id: params.id })
  return { status: 200, body: serializeManagers(context.world, managers, context.release) }
}

export const listRunnerProjects: Handler<'listRunnerProjects'> = ({ params }, context) => {
  const page = store.listRunnerProjects(context.world, signedIn(context), { id: params.id, page: params.page, perPage: params.per_page })
  return {
    status: 200,
    body: serializeProjects(context.world, page.items),
    headers: offsetHeaders(page, context.link),
  }
}

export const resetRunnerAuthenticationToken: Handler<'resetRunnerAuthenticationToken'> = ({ params }, context) => {
  const result = store.resetRunnerAuthenticationToken(context.world, signedIn(context), { id: params.id, tokenPrefixes: context.release.tokenPrefixes })
  return { status: 201, body: serializeAuthenticationToken(result) }
}
