// The validating reverse proxy: clients talk to it, it forwards to a real GitLab unchanged, checks the request
// (as Grape would) and the response (as the contract says), reports findings live and can record fixtures.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Contract } from '../contract/index.js'
import { checkExchange } from './check.js'
import { lowerCaseHeaders, parseBody, type Exchange } from './exchange.js'
import { readCaFile, transmit, TransportError } from './http.js'
import type { Redactor } from './redact.js'
import { apiPath, toFixture, writeFixture } from './recording.js'
import { parseRequestBody } from './request-body.js'
import type { CheckedExchange } from './report/model.js'

export interface ProxyOptions {
  contract: Contract
  /** GitLab's address, with or without /api/v4: https://gitlab.example.com */
  upstream: string
  port?: number
  host?: string
  /** Directory for fixtures, one JSON file per exchange. */
  record?: string
  strict?: boolean
  caFile?: string
  timeoutMs?: number
  redactor: Redactor
  /** Called once per exchange, after forwarding; `requestProblem` is Grape's wording of what the client sent wrong. */
  onExchange?: (checked: CheckedExchange, requestProblem: string | undefined) => void
}

export interface RunningProxy {
  /** e.g. http://127.0.0.1:4700/api/v4 */
  url: string
  readonly exchanges: readonly CheckedExchange[]
  close(): Promise<void>
}

// Hop-by-hop headers (RFC 9110 §7.6.1) and what fetch rewrites (it decodes bodies) are not passed along.
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'host', 'content-length', 'content-encoding', 'accept-encoding'])

export async function startProxy(options: ProxyOptions): Promise<RunningProxy> {
  const upstream = new URL(options.upstream)
  // Accept the API root or the instance root; forwarded paths always carry /api/v4 themselves.
  const prefix = upstream.pathname.replace(/\/+$/, '').replace(/\/api\/v4$/, '')
  const ca = readCaFile(options.caFile)
  const exchanges: CheckedExchange[] = []

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readAll(req)
    const method = (req.method ?? 'GET').toUpperCase()
    const target = `${upstream.origin}${prefix}${req.url ?? '/'}`
    const headers: Record<string, string> = {}
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = Array.isArray(value) ? value.join(', ') : value
    }
    let raw
    try {
      raw = await transmit(method, target, headers, body.length === 0 ? undefined : body, { ca, timeoutMs: options.timeoutMs ?? 30_000, signal: undefined })
    } catch (error) {
      // GitLab never answered: the client sees a gateway error, which is no finding about GitLab.
      const message = error instanceof TransportError ? error.message : String(error)
      res.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ message: `502 Bad Gateway - ${options.redactor.text(message)}` }))
      return
    }
    res.writeHead(raw.status, Object.fromEntries(Object.entries(raw.headers).filter(([name]) => !HOP_BY_HOP.has(name))))
    res.end(raw.text)

    const requestBody = await parseRequestBody(body, headers['content-type'])
    const exchange: Exchange = {
      request: { method, url: target, headers: lowerCaseHeaders(Object.entries(headers)), ...(requestBody === undefined ? {} : { body: requestBody }) },
      response: { status: raw.status, headers: raw.headers, body: parseBody(raw.text, raw.headers['content-type']) },
    }
    const sequence = exchanges.length + 1
    const operationId = options.contract.findOperation(method, apiPath(new URL(target).pathname))?.operation.operationId
    const fixture = options.record === undefined ? undefined : writeFixture(options.record, sequence, toFixture(exchange, operationId, options.redactor))
    const checked = checkExchange(options.contract, { ...exchange, source: { kind: 'proxy', sequence, ...(fixture === undefined ? {} : { fixture }) } }, { strict: options.strict ?? false })
    exchanges.push(checked)
    options.onExchange?.(checked, requestProblem(options.contract, exchange))
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ message: `500 proxy error - ${options.redactor.text(error instanceof Error ? error.message : String(error))}` }))
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `http://${host}:${address.port}/api/v4`,
    exchanges,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()))
        server.closeAllConnections()
      }),
  }
}

function requestProblem(contract: Contract, exchange: Exchange): string | undefined {
  const url = new URL(exchange.request.url)
  const match = contract.findOperation(exchange.request.method, apiPath(url.pathname))
  if (match === undefined) return undefined
  const query: Record<string, string | string[]> = {}
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key)
    // Rails-style `tag_list[]=a&tag_list[]=b` is how clients send arrays; Grape reads it as tag_list.
    const name = key.endsWith('[]') ? key.slice(0, -2) : key
    query[name] = key.endsWith('[]') || values.length > 1 ? values : (values[0] as string)
  }
  const result = contract.validateRequest(match.operation, { path: match.pathParams, query, body: asParams(exchange.request.body) })
  return result.ok ? undefined : result.error
}

// Parsed JSON objects and forms are parameter sets; any other body carries none Grape can name.
function asParams(body: unknown): Record<string, unknown> | undefined {
  return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}
