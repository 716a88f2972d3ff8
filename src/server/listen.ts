// Starts the HTTP server for an app on a host and port, and closes it with every open connection.
// Requests Node's parser refuses before the app sees them are answered here, in GitLab's JSON shape.
import { createServer, STATUS_CODES, type RequestListener, type Server } from 'node:http'
import { unparsableRequest } from './errors.js'
import type { AddressInfo, Socket } from 'node:net'

export interface Listening {
  server: Server
  port: number
  host: string
  close(): Promise<void>
}

export function listen(app: RequestListener, port: number, host: string): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = createServer(app)
    server.on('clientError', answerClientError)
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      const address = server.address() as AddressInfo
      resolve({
        server,
        port: address.port,
        host,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()))
            server.closeAllConnections()
          }),
      })
    })
  })
}

// How long a refused client may keep sending before its connection is cut.
const DRAIN_MS = 2000

/**
 * Node's default answers 400/431 with no body and destroys the socket, which resets the connection
 * when unread bytes remain. Here the answer has a JSON body, the unread bytes are drained, and the
 * connection ends with a FIN.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  // Nothing to answer on a connection that is already gone, or one whose answer has begun.
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent: boolean } })._httpMessage
  if (!socket.writable || error.code === 'ECONNRESET' || inFlight?.headersSent) {
    socket.destroy()
    return
  }
  const reply = unparsableRequest(error.code)
  const body = JSON.stringify(reply.body)
  // A HEAD answer carries no body, even here (best effort: the packet that failed may not start the request).
  const head = (error as Error & { rawPacket?: Buffer }).rawPacket?.subarray(0, 5).toString('latin1') === 'HEAD '
  socket.removeAllListeners('data')
  socket.on('data', () => {})
  socket.end(
    `HTTP/1.1 ${reply.status} ${STATUS_CODES[reply.status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${head ? '' : body}`,
  )
  const cut = setTimeout(() => socket.destroy(), DRAIN_MS)
  socket.once('close', () => clearTimeout(cut))
}

/** The host part of a URL: IPv6 addresses need brackets. */
export function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host
}
