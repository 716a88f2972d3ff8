// A request whose head goes first and whose body waits: for tests of what happens while a body arrives.
import { request } from 'node:http'

export interface SlowReply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: unknown
}

/**
 * Sends `method url` with a JSON body held back until `between` settles. The client asks for
 * `100 Continue`, which Node's server sends as it hands the request to the app, so by the time
 * `between` runs the request is inside the pipeline, waiting for its body.
 */
export function sendWithSlowBody(url: string, method: string, body: unknown, headers: Record<string, string>, between: () => Promise<void>): Promise<SlowReply> {
  const text = JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const req = request(new URL(url), {
      method,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), expect: '100-continue', ...headers },
    })
    req.on('continue', () => {
      between().then(() => req.end(text), reject)
    })
    req.on('response', (res) => {
      let received = ''
      res.on('data', (chunk: Buffer) => (received += chunk.toString()))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: received === '' ? undefined : (JSON.parse(received) as unknown) }))
    })
    req.on('error', reject)
  })
}
