// Starts the HTTP server for an app on a host and port, and closes it with every open connection.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Express } from 'express'

export interface Listening {
  server: Server
  port: number
  host: string
  close(): Promise<void>
}

export function listen(app: Express, port: number, host: string): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = createServer(app)
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

/** The host part of a URL: IPv6 addresses need brackets. */
export function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host
}
