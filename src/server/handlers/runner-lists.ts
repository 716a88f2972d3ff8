// The four runner lists: GET /runners, /runners/all, /projects/:id/runners, /groups/:id/runners.
import * as store from '../../store/runner-lists.js'
import type { Page } from '../../store/pagination.js'
import type { RunnerRecord } from '../../store/records.js'
import { parseTagList } from '../../store/tags.js'
import type { World } from '../../store/world.js'
import { signedIn, type Handler, type Params } from '../handler.js'
import { offsetHeaders, type LinkContext } from '../pagination-headers.js'
import type { Reply } from '../respond.js'
import { serializeRunner } from '../serialize.js'

function filters(params: Params<'listRunners'> | Params<'listGroupRunners'>): Omit<store.RunnerListParams, 'scope'> {
  return {
    type: params.type,
    status: params.status,
    paused: params.paused,
    tagList: params.tag_list === undefined ? undefined : parseTagList(params.tag_list),
    versionPrefix: params.version_prefix,
    page: params.page,
    perPage: params.per_page,
  }
}

function runnerPage(world: World, page: Page<RunnerRecord>, link: LinkContext): Reply {
  return { status: 200, body: page.items.map((runner) => serializeRunner(world, runner)), headers: offsetHeaders(page, link) }
}

export const listRunners: Handler<'listRunners'> = ({ params }, context) =>
  runnerPage(context.world, store.listRunners(context.world, signedIn(context), { ...filters(params), scope: params.scope }), context.link)

export const listAllRunners: Handler<'listAllRunners'> = ({ params }, context) =>
  runnerPage(context.world, store.listAllRunners(context.world, signedIn(context), { ...filters(params), scope: params.scope }), context.link)

export const listProjectRunners: Handler<'listProjectRunners'> = ({ params }, context) => {
  const page = store.listProjectRunners(context.world, signedIn(context), { ...filters(params), scope: params.scope, projectId: params.id })
  return runnerPage(context.world, page, context.link)
}

export const listGroupRunners: Handler<'listGroupRunners'> = ({ params }, context) => {
  const page = store.listGroupRunners(context.world, signedIn(context), { ...filters(params), groupId: params.id })
  return runnerPage(context.world, page, context.link)
}
