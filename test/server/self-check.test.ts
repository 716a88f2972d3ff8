// The self-check over real HTTP: a server that answers with replies we break on purpose, sent through
// the mock's own Responder. Every broken reply must come out as the loud 500 in strict mode and be
// recorded in log mode: a self-check that checked nothing would fail every case below.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadContract, type Contract } from '../../src/contract/index.js'
import { loadScenario } from '../../src/scenarios/load.js'
import { createResponder, type Reply, type Responder, type SelfCheckFailure, type SelfCheckMode } from '../../src/server/respond.js'
import { WrittenJson } from '../../src/server/kept-texts.js'
import { serializeJobs, serializeRunners, writeRunners } from '../../src/server/serialize.js'
import { serveRelease } from '../../src/server/served-release.js'
import { ManualClock } from '../../src/store/clock.js'
import { World } from '../../src/store/world.js'
import { NOW, startTestMock } from '../helpers/start-mock.js'

const ADMIN = 'glpat-admin-0000000000000'
const contract = loadContract()
const mock = await startTestMock()

// Good replies as the mock sends them, to break one thing at a time.
const details = (await mock.call('GET', '/runners/1', { token: ADMIN })).body as Record<string, unknown>
const list = await mock.call('GET', '/runners/all?per_page=2', { token: ADMIN })
const listHeaders: Record<string, string> = {}
for (const name of ['X-Page', 'X-Per-Page', 'X-Next-Page', 'X-Prev-Page', 'X-Total', 'X-Total-Pages', 'Link']) {
  const value = list.headers.get(name)
  if (value !== null) listHeaders[name] = value
}
const listBody = list.body as Record<string, unknown>[]

function without(record: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...record }
  delete copy[key]
  return copy
}

interface Case {
  operationId: string
  reply: Reply
  /** The contract of the release served; the newest unless given. */
  contract?: Contract
}

// Bodies the serializer vouches for (README "What the self-check checks"): the check trusts them only
// as the entity the response documents, and still checks status and headers around them.
const world = new World(loadScenario('default', { now: NOW }), new ManualClock(NOW))
const runners = serializeRunners(world, [...world.runners.values()].slice(0, 2), serveRelease(contract.profile))
// A page as the list handlers send it: text the serializer wrote, vouched for like the objects.
const written = writeRunners(world, [...world.runners.values()].slice(0, 2), serveRelease(contract.profile))

const good: Record<string, Case> = {
  'runner details': { operationId: 'getRunner', reply: { status: 200, body: details } },
  'a page of runners': { operationId: 'listAllRunners', reply: { status: 200, body: listBody, headers: listHeaders } },
  'a written page of runners': { operationId: 'listAllRunners', reply: { status: 200, body: written, headers: listHeaders } },
  // Walked as the JSON it is, not as the object carrying it.
  'a written page nobody vouched for': { operationId: 'listAllRunners', reply: { status: 200, body: new WrittenJson(JSON.stringify(listBody)), headers: listHeaders } },
  'an empty 204': { operationId: 'deleteRunner', reply: { status: 204 } },
}
const oldContract = contract.forRelease('15.0')
const canceling = [...world.runners.values()].flatMap((runner) => world.jobsOf(runner.id)).map((job) => ({ ...job, status: 'canceling' as const }))

const broken: Record<string, Case> = {
  'a vouched list of runners as one runner': { operationId: 'getRunner', reply: { status: 200, body: runners } },
  'a vouched list of runners without its page headers': { operationId: 'listAllRunners', reply: { status: 200, body: runners } },
  'a vouched list on an undocumented status': { operationId: 'listAllRunners', reply: { status: 202, body: runners, headers: listHeaders } },
  'a written page of runners as one runner': { operationId: 'getRunner', reply: { status: 200, body: written } },
  'a written page of runners without its page headers': { operationId: 'listAllRunners', reply: { status: 200, body: written } },
  'a written page nobody vouched for, broken': {
    operationId: 'listAllRunners',
    reply: { status: 200, body: new WrittenJson(JSON.stringify([{ ...listBody[0], id: 'one' }])), headers: listHeaders },
  },
  'an undocumented status': { operationId: 'getRunner', reply: { status: 418, body: details } },
  'a required property left out': { operationId: 'getRunner', reply: { status: 200, body: without(details, 'status') } },
  'a property of the wrong type': { operationId: 'getRunner', reply: { status: 200, body: { ...details, id: 'one' } } },
  'a value outside its enum': { operationId: 'getRunner', reply: { status: 200, body: { ...details, runner_type: 'planet_type' } } },
  'a property the entity does not have': { operationId: 'getRunner', reply: { status: 200, body: { ...details, token: 'leaked' } } },
  'a nested entity broken': {
    operationId: 'getRunner',
    reply: { status: 200, body: { ...details, groups: [{ id: 'x', web_url: 'u', name: 'n' }] } },
  },
  'an object where a list belongs': { operationId: 'listAllRunners', reply: { status: 200, body: listBody[0], headers: listHeaders } },
  'a list item broken': {
    operationId: 'listAllRunners',
    reply: { status: 200, body: [listBody[0], without(listBody[1]!, 'online')], headers: listHeaders },
  },
  'a required header missing': { operationId: 'listAllRunners', reply: { status: 200, body: listBody, headers: without(listHeaders, 'X-Page') as Record<string, string> } },
  'a malformed number header': { operationId: 'listAllRunners', reply: { status: 200, body: listBody, headers: { ...listHeaders, 'X-Total': 'many' } } },
  'a malformed Link header': { operationId: 'listAllRunners', reply: { status: 200, body: listBody, headers: { ...listHeaders, Link: 'next page please' } } },
  'a body on a status without one': { operationId: 'deleteRunner', reply: { status: 204, body: { done: true } } },
  'an error body of the wrong shape': { operationId: 'getRunner', reply: { status: 404, body: ['404 Runner Not Found'] } },
  // 15.0 had no canceling status: the serializer does not vouch for a page holding one, so it is walked.
  'a job status the served release did not have': {
    operationId: 'listRunnerJobs',
    contract: oldContract,
    reply: { status: 200, body: serializeJobs(world, canceling, serveRelease(oldContract.profile)), headers: listHeaders },
  },
}

interface Served {
  url: string
  /** Failures the responders (one per release served) recorded, in order. */
  failures(): SelfCheckFailure[]
  logs: string[]
  server: Server
}

async function serve(mode: SelfCheckMode, cases: Record<string, Case>): Promise<Served> {
  const logs: string[] = []
  const byPath = new Map(Object.values(cases).map((c, index) => [`/${index}`, c]))
  const responders = new Map<Contract, Responder>()
  const failures: SelfCheckFailure[] = []
  const server = createServer((req, res) => {
    const found = byPath.get(req.url ?? '')!
    const served = found.contract ?? contract
    if (!responders.has(served)) responders.set(served, createResponder(served, mode, (line) => logs.push(line)))
    const responder = responders.get(served)!
    const before = responder.failures.length
    responder.send(res, served.getOperation(found.operationId), found.reply)
    failures.push(...responder.failures.slice(before))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, failures: () => failures, logs, server }
}

function pathOf(cases: Record<string, Case>, name: string): string {
  return `/${Object.keys(cases).indexOf(name)}`
}

const servers: Served[] = []
afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.server.close(resolve))))
})

describe('strict self-check', () => {
  let strict: Served
  let strictGood: Served
  beforeAll(async () => {
    strict = await serve('strict', broken)
    strictGood = await serve('strict', good)
    servers.push(strict, strictGood)
  })

  it.each(Object.keys(good))('sends %s untouched', async (name) => {
    const response = await fetch(`${strictGood.url}${pathOf(good, name)}`)
    const text = await response.text()
    expect(response.status).toBe(good[name]!.reply.status)
    const { body } = good[name]!.reply
    expect(text === '' ? undefined : JSON.parse(text)).toEqual(body instanceof WrittenJson ? JSON.parse(body.text) : body)
    expect(strictGood.failures()).toEqual([])
  })

  it.each(Object.keys(broken))('turns %s into the loud 500', async (name) => {
    const before = strict.failures().length
    const response = await fetch(`${strict.url}${pathOf(broken, name)}`)
    const body = (await response.json()) as { message: string }
    expect(response.status).toBe(500)
    expect(response.headers.get('content-type')).toBe('application/json')
    const { operationId, reply } = broken[name]!
    expect(body.message).toContain(`the mock's ${reply.status} response to ${operationId} broke its contract`)
    expect(strict.failures().slice(before)).toEqual([expect.objectContaining({ operationId, status: reply.status })])
    expect(strict.logs.at(-1)).toMatch(/^self-check: /)
  })
})

describe('log self-check', () => {
  let logged: Served
  beforeAll(async () => {
    logged = await serve('log', broken)
    servers.push(logged)
  })

  it.each(Object.keys(broken))('sends %s as it is and records it', async (name) => {
    const before = logged.failures().length
    const response = await fetch(`${logged.url}${pathOf(broken, name)}`)
    const { operationId, reply } = broken[name]!
    expect(response.status).toBe(reply.status)
    await response.arrayBuffer()
    expect(logged.failures().slice(before)).toEqual([expect.objectContaining({ operationId, status: reply.status })])
  })
})
