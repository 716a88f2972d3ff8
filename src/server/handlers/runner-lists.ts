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

export const listRunners: Handler<'listRunners'> = ({ params }, context) =>
  runnerPage(context, store.listRunners(context.world, signedIn(context), { ...filters(params, context.release), scope: params.scope }))

export const listAllRunners: Handler<'listAllRunners'> = ({ params }, context) => {
  const page = store.listAllRunners(context.world, signedIn(context), {
    ...filters(params, context.release),
    scope: params.scope,
    auditorsListAll: context.release.behaviour('auditorsListAllRunners'),
  })
  return runnerPage(context, page)
}

export const listProjectRunners: Handler<'listProjectRunners'> = ({ params }, context) => {
  const page = store.listProjectRunners(context.world, signedIn(context), { ...filters(params, context.release), scope: params.scope, projectId: params.id })
  return runnerPage(context, page)
}

export const listGroupRunners: Handler<'listGroupRunners'> = ({ params }, context) => {
  const page = store.listGroupRunners(context.world, signedIn(context), { ...filters(params, context.release), groupId: params.id })
  return runnerPage(context, page)
}
