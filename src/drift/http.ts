// Talking to a live GitLab politely: timeouts, retries honouring Retry-After, a concurrency limit, private CAs.
// It returns exchanges and throws only TransportError; what a response means is check.ts's business.

import { readFileSync } from 'node:fs'
import { request as httpsRequest } from 'node:https'
import { lowerCaseHeaders, parseBody, type Exchange } from './exchange.js'

export type TransportFailure = 'connection' | 'timeout' | 'tls' | 'interrupted'

export class TransportError extends Error {
  constructor(
    readonly failure: TransportFailure,
    message: string,
  ) {
    super(message)
    this.name = 'TransportError'
  }
}

export interface HttpRequest {
  method: string
  /** Path under the base URL, e.g. /runners/12/jobs */
  path: string
  query?: Record<string, string | string[]>
  body?: Record<string, unknown>
  /** Runner-token endpoints and the unauthenticated probes send no user token. */
  anonymous?: boolean
}

export interface HttpClientOptions {
  /** e.g. https://gitlab.example.com/api/v4 */
  baseUrl: string
  token?: string
  /** PEM bundle for a private CA; TLS verification itself is never switched off. */
  caFile?: string
  timeoutMs?: number
  retries?: number
  /** First backoff step; doubles each retry. Retry-After wins when GitLab sends it. */
  retryDelayMs?: number
  /** Longest wait we accept from Retry-After before giving up on that request. */
  maxRetryDelayMs?: number
  concurrency?: number
}

export interface HttpClient {
  /** The signal stops this request and its retries; cleanup requests go without one so Ctrl-C cannot stop them. */
  send(request: HttpRequest, signal?: AbortSignal): Promise<Exchange>
}

export interface RawResponse {
  status: number
  headers: Record<string, string>
  text: string
}

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const base = options.baseUrl.replace(/\/+$/, '')
  const timeoutMs = options.timeoutMs ?? 30_000
  const retries = options.retries ?? 3
  const retryDelayMs = options.retryDelayMs ?? 500
  const maxRetryDelayMs = options.maxRetryDelayMs ?? 120_000
  const ca = readCaFile(options.caFile)
  const limit = createLimiter(options.concurrency ?? 4)

  const once = (method: string, url: string, headers: Record<string, string>, body: string | undefined, signal?: AbortSignal) =>
    transmit(method, url, headers, body, { ca, timeoutMs, signal })

  return {
    send: (req, signal) =>
      limit(async () => {
        const url = buildUrl(base, req)
        const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'gitlab-runners-mock-drift' }
        if (!req.anonymous && options.token !== undefined) headers['private-token'] = options.token
        let body: string | undefined
        if (req.body !== undefined) {
          headers['content-type'] = 'application/json'
          body = JSON.stringify(req.body)
        }
        // Only 429 is safe to repeat for writes; a 5xx on a write may have half-happened.
        const idempotent = req.method === 'GET' || req.method === 'HEAD'
        const started = performance.now()
        for (let attempt = 0; ; attempt++) {
          let raw: RawResponse
          try {
            raw = await once(req.method, url, headers, body, signal)
          } catch (error) {
            const failure = error instanceof TransportError ? error : toTransportError(error, url, timeoutMs)
            if (failure.failure !== 'connection' || !idempotent || attempt >= retries) throw failure
            await sleep(retryDelayMs * 2 ** attempt, signal)
            continue
          }
          const retryable = raw.status === 429 || (idempotent && raw.status >= 500)
          const wait = retryable && attempt < retries ? retryWait(raw.headers['retry-after'], retryDelayMs * 2 ** attempt) : undefined
          if (wait === undefined || wait > maxRetryDelayMs) {
            return {
              request: { method: req.method, url, headers: withoutCredentials(headers), ...(req.body === undefined ? {} : { body: req.body }) },
              response: { status: raw.status, headers: raw.headers, body: parseBody(raw.text, raw.headers['content-type']) },
              durationMs: Math.round(performance.now() - started),
            }
          }
          await sleep(wait, signal)
        }
      }),
  }
}

function withoutCredentials(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'private-token'))
}

function buildUrl(base: string, req: HttpRequest): string {
  const url = new URL(base + req.path)
  for (const [key, value] of Object.entries(req.query ?? {})) {
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(key, item)
    else url.searchParams.append(key, value)
  }
  return url.toString()
}

/** Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3); without it we back off exponentially. */
export function retryWait(header: string | undefined, fallbackMs: number, now = Date.now()): number {
  if (header === undefined || header.trim() === '') return fallbackMs
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000
  const date = Date.parse(header)
  return Number.isNaN(date) ? fallbackMs : Math.max(0, date - now)
}

export interface TransmitOptions {
  ca: string | undefined
  timeoutMs: number
  signal: AbortSignal | undefined
}

/** One HTTP round trip, no retries: the client above and the proxy both go through it. Throws TransportError. */
export async function transmit(method: string, url: string, headers: Record<string, string>, body: string | Uint8Array | undefined, options: TransmitOptions): Promise<RawResponse> {
  try {
    return options.ca === undefined
      ? await viaFetch(method, url, headers, body, options.timeoutMs, options.signal)
      : await viaHttps(method, url, headers, body, options.ca, options.timeoutMs, options.signal)
  } catch (error) {
    throw toTransportError(error, url, options.timeoutMs)
  }
}

export function readCaFile(file: string | undefined): string | undefined {
  return file === undefined ? undefined : readFileSync(file, 'utf8')
}

async function viaFetch(method: string, url: string, headers: Record<string, string>, body: string | Uint8Array | undefined, timeoutMs: number, outer?: AbortSignal): Promise<RawResponse> {
  const signal = outer === undefined ? AbortSignal.timeout(timeoutMs) : AbortSignal.any([outer, AbortSignal.timeout(timeoutMs)])
  const response = await fetch(url, { method, headers, body, signal, redirect: 'manual' })
  return { status: response.status, headers: lowerCaseHeaders(response.headers), text: await response.text() }
}

// Node's fetch takes no CA option and its undici is not importable here, so private CAs go through node:https.
function viaHttps(method: string, url: string, headers: Record<string, string>, body: string | Uint8Array | undefined, ca: string, timeoutMs: number, outer?: AbortSignal): Promise<RawResponse> {
  const signal = outer === undefined ? AbortSignal.timeout(timeoutMs) : AbortSignal.any([outer, AbortSignal.timeout(timeoutMs)])
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { method, headers, ca, signal }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('error', reject)
      res.on('end', () => {
        const pairs: [string, string][] = Object.entries(res.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)])
        resolve({ status: res.statusCode ?? 0, headers: lowerCaseHeaders(pairs), text: Buffer.concat(chunks).toString('utf8') })
      })
    })
    req.on('error', (error) => reject(signal.aborted ? (signal.reason as Error) : error))
    req.end(body)
  })
}

function toTransportError(error: unknown, url: string, timeoutMs: number): TransportError {
  const where = new URL(url).origin
  if (error instanceof TransportError) return error
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return error.name === 'TimeoutError'
      ? new TransportError('timeout', `No answer from ${where} within ${timeoutMs} ms`)
      : new TransportError('interrupted', `Request to ${where} was interrupted`)
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error
  const code = typeof cause === 'object' && cause !== null && 'code' in cause ? String(cause.code) : ''
  const detail = cause instanceof Error ? cause.message : String(cause)
  if (/CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code + detail)) {
    return new TransportError('tls', `TLS verification of ${where} failed (${code || detail}); pass --ca-file for a private CA`)
  }
  return new TransportError('connection', `Cannot connect to ${where}: ${code || detail}`)
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new TransportError('interrupted', 'Interrupted'))
    const timer = setTimeout(resolve, ms)
    signal?.addEventListener('abort', () => {
      clearTimeout(timer)
      reject(new TransportError('interrupted', 'Interrupted'))
    }, { once: true })
  })
}

function createLimiter(max: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0
  const waiting: (() => void)[] = []
  return async (task) => {
    // A finishing task hands its slot straight to the next waiter, so a newcomer cannot slip in between.
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve))
    else running++
    try {
      return await task()
    } finally {
      const next = waiting.shift()
      if (next === undefined) running--
      else next()
    }
  }
}
