// A fake GitLab for drift tests: node:http on 127.0.0.1 port 0, answering every Runners request with the
// contract's own examples, in the status GitLab would choose. A `drift` hook bends replies to provoke findings.
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { loadContract, type Operation } from '../../src/contract/index.js'

export const ADMIN_TOKEN = 'glpat-FAKEADMINTOKEN000000001'
export const RUNNER_TOKEN = 'glrt-FAKERUNNERTOKEN00000001'
export const REGISTRATION_TOKEN = 'GR1348941FAKEREGISTRATION01'

export interface FakeRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: IncomingMessage['headers']
  body: Record<string, unknown>
  operationId: string | undefined
}

export interface Reply {
  status: number
  headers: Record<string, string>
  body: unknown
}

export interface FakeGitlab {
  /** e.g. http://127.0.0.1:PORT/api/v4 */
  url: string
  requests: FakeRequest[]
  close(): Promise<void>
}

const contract = loadContract()

export async function startFakeGitlab(drift: (req: FakeRequest, reply: Reply) => Reply = (_req, reply) => reply): Promise<FakeGitlab> {
  const requests: FakeRequest[] = []
  const server = createServer((incoming, res) => {
    const chunks: Buffer[] = []
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk))
    incoming.on('end', () => {
      const url = new URL(incoming.url ?? '/', 'http://fake.invalid')
      const text = Buffer.concat(chunks).toString('utf8')
      const path = url.pathname.replace(/^\/api\/v4/, '')
      const match = contract.findOperation(incoming.method ?? 'GET', path)
      const req: FakeRequest = {
        method: incoming.method ?? 'GET',
        path,
        query: url.searchParams,
        headers: incoming.headers,
        body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
        operationId: match?.operation.operationId,
      }
      requests.push(req)
      const reply = drift(req, match === undefined ? { status: 404, headers: json, body: { error: '404 Not Found' } } : documentedReply(match.operation, match.pathParams, req))
      // Status 0 stands for a connection GitLab drops without an answer.
      if (reply.status === 0) return void incoming.socket.destroy()
      res.writeHead(reply.status, reply.headers)
      res.end(reply.body === undefined ? undefined : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/api/v4`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

const json = { 'content-type': 'application/json' }

/** The status GitLab would answer with, and the contract's example body for it. */
function documentedReply(operation: Operation, pathParams: Record<string, string>, req: FakeRequest): Reply {
  const status = statusFor(operation, pathParams, req)
  if (status === 204) return { status, headers: {}, body: undefined }
  const body = exampleOf(operation, status)
  const paginated = Object.keys(operation.responses[String(status)]?.headers ?? {}).includes('X-Page')
  return { status, headers: paginated ? { ...json, ...pageHeaders(req) } : json, body }
}

function statusFor(operation: Operation, pathParams: Record<string, string>, req: FakeRequest): number {
  const success = Number(Object.keys(operation.responses).find((status) => status.startsWith('2')))
  const token = req.body.token ?? req.query.get('token')
  if (operation.security.length > 0 && req.headers['private-token'] !== ADMIN_TOKEN) return 401
  if (operation.security.length === 0 && operation.operationId !== 'verifyRunner' && token === undefined) return 400
  // Tokens the contract's examples hand out (glrt-EXAMPLE...) stay valid, so a --writes round trip can use them.
  const known = token === RUNNER_TOKEN || token === REGISTRATION_TOKEN || (typeof token === 'string' && token.startsWith('glrt-EXAMPLE'))
  if (operation.security.length === 0 && !known) return 403
  if (pathParams.id !== undefined && operation.path.startsWith('/runners/') && !/^\d+$/.test(pathParams.id)) return 400
  if (pathParams.id === '999999999' || pathParams.runner_id === '999999999') return 404
  const values = [...req.query.values()]
  if (values.some((value) => value.startsWith('bogus') || value === 'first' || value === 'V15' || value === 'sideways' || value === 'specific' && operation.operationId === 'listRunners')) return 400
  if (req.query.get('per_page') === '0') return 400
  if (req.query.get('pagination') === 'keyset' && req.query.get('sort') === 'asc') return 405
  if (operation.operationId === 'createUserRunner' && req.body.runner_type === undefined) return 400
  if (operation.operationId === 'assignProjectRunner' && req.body.runner_id === undefined) return 400
  return success
}

interface MediaExamples {
  example?: unknown
  examples?: Record<string, { value?: unknown; $ref?: string }>
}

function exampleOf(operation: Operation, status: number): unknown {
  const media = resolve(contract.document.paths, [operation.path, operation.method, 'responses', String(status), 'content', 'application/json']) as MediaExamples | undefined
  if (media?.example !== undefined) return media.example
  const first = Object.values(media?.examples ?? {})[0]
  const value = (resolve(first, []) as { value?: unknown } | undefined)?.value
  if (value === undefined) throw new Error(`the contract has no example for ${operation.operationId} ${status}`)
  return value
}

// The source document keeps its $refs; follow local ones (`#/components/...`) as we walk.
function resolve(node: unknown, segments: string[] = []): unknown {
  let current = node
  for (const segment of ['', ...segments]) {
    if (segment !== '') current = (current as Record<string, unknown> | undefined)?.[segment]
    while (current !== null && typeof current === 'object' && typeof (current as { $ref?: unknown }).$ref === 'string') {
      const ref = (current as { $ref: string }).$ref
      current = ref.slice(2).split('/').map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~')).reduce<unknown>((at, part) => (at as Record<string, unknown> | undefined)?.[part], contract.document)
    }
  }
  return current
}

// One page holds everything the example shows: page 1 of 1.
function pageHeaders(req: FakeRequest): Record<string, string> {
  const perPage = Math.min(Number(req.query.get('per_page') ?? '20') || 20, 100)
  const page = req.query.get('page') ?? '1'
  const link = `<http://127.0.0.1/api/v4${req.path}?page=1&per_page=${perPage}>; rel="first", <http://127.0.0.1/api/v4${req.path}?page=1&per_page=${perPage}>; rel="last"`
  if (req.query.get('pagination') === 'keyset') return { 'x-per-page': String(perPage) }
  return { 'x-per-page': String(perPage), 'x-page': page, 'x-next-page': '', 'x-prev-page': '', 'x-total': '1', 'x-total-pages': '1', link }
}
