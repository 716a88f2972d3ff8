// Talks to the mock below fetch: node:http for headers fetch will not send (Host, Sec-Fetch-Site),
// and a bare socket for bytes that are not HTTP at all. Both report a reset instead of throwing.
import { request, type Agent } from 'node:http'
import { connect } from 'node:net'

export interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
}

export interface RawRequest {
  method?: string
  path: string
  headers?: Record<string, string>
  body?: string | Buffer
  /** A keep-alive agent to reuse connections; a fresh connection each time without one. */
  agent?: Agent
}

/** One request over node:http to 127.0.0.1:port, with exactly the headers given. */
export function rawRequest(port: number, { method = 'GET', path, headers = {}, body, agent }: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent: agent ?? false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

export interface SocketExchange {
  /** Everything the server sent before it closed. */
  text: string
  /** The server reset the connection instead of closing it. */
  reset: boolean
}

/** Writes bytes on a fresh connection and collects the answer until the server closes. */
export function socketExchange(port: number, bytes: string | Buffer): Promise<SocketExchange> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    let reset = false
    socket.on('data', (chunk: Buffer) => chunks.push(chunk))
    socket.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') reset = true
    })
    socket.on('close', () => resolve({ text: Buffer.concat(chunks).toString('latin1'), reset }))
    socket.on('connect', () => socket.write(bytes))
  })
}

/** Status line, headers and body of a raw HTTP/1.1 answer. */
export function parseRawResponse(text: string): { status: number; headers: Record<string, string>; body: string } {
  const end = text.indexOf('\r\n\r\n')
  const head = end === -1 ? text : text.slice(0, end)
  const [statusLine = '', ...lines] = head.split('\r\n')
  const headers: Record<string, string> = {}
  for (const line of lines) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { status: Number(statusLine.split(' ')[1] ?? 0), headers, body: end === -1 ? '' : text.slice(end + 4) }
}
