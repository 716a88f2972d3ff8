// The four runner lists: GET /runners, /runners/all, /projects/:id/runners, /groups/:id/runners.
import * as store from '../../store/runner-lists.js'
import type { Page } from '../../store/pagination.js'
import type { RunnerRecord } from '../../store/records.js'
import { parseTagList } from '../../store/tags.js'
import { signedIn, type Handler, type HandlerContext, type Params } from '../handler.js'
import { offsetHeaders } from '../pagination-headers.js'
import type { Reply } from '../respond.js'
import { writeRunners } from '../serialize.js'
import type { ServedRelease } from '../served-release.js'

// Each list's parameters are one object literal plus assignments, not `{ ...filters(), scope }`: on
// Node 20 a spread followed by more keys takes V8's slow path, about 1 µs a request.
function filters(params: Params<'listRunners'> | Params<'listGroupRunners'>, release: ServedRelease): Omit<store.RunnerListParams, 'scope'> {
  return {
    statusRules: release.statusRules,
    type: params.type,
    status: params.status,
    paused: params.paused,
    tagList: params.tag_list === undefined ? undefined : parseTagList(params.tag_list),
    versionPrefix: params.version_prefix,
    page: params.page,
    perPage: params.per_page,
  }
}

function runnerPage({ world, link, release }: HandlerContext, page: Page<RunnerRecord>): Reply {
  return { status: 200, body: writeRunners(world, page.items, release), headers: offsetHeaders(page, link) }
}

export const listRunners: Handler<'listRunners'> = ({ params }, context) => {
  const query: store.RunnerListParams = filters(params, context.release)
  query.scope = params.scope
  return runnerPage(context, store.listRunners(context.world, signedIn(context), query))
}

export const listAllRunners: Handler<'listAllRunners'> = ({ params }, context) => {
  const query: store.AllRunnerListParams = filters(params, context.release)
  query.scope = params.scope
  query.auditorsListAll = context.release.behaviour('auditorsListAllRunners')
  return runnerPage(context, store.listAllRunners(context.world, signedIn(context), query))
}

export const listProjectRunners: Handler<'listProjectRunners'> = ({ params }, context) => {
  const query: store.RunnerListParams = filters(params, context.release)
  query.scope = params.scope
  return runnerPage(context, store.listProjectRunners(context.world, signedIn(context), Object.assign(query, { projectId: params.id })))
}

export const listGroupRunners: Handler<'listGroupRunners'> = ({ params }, context) =>
  runnerPage(context, store.listGroupRunners(context.world, signedIn(context), Object.assign(filters(params, context.release), { groupId: params.id })))
