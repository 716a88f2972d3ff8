// Records the mock's exact answers (status, headers, body) to the workload requests, for the limit server to replay.
import { request } from 'node:http'
import type { RequestShape } from './workloads.js'

export interface CapturedResponse {
  method: string
  /** Path and query, as the request line carries it. */
  path: string
  status: number
  /** Flat [name, value, name, value, …] in the order the mock sent them. */
  headers: string[]
  bodyBase64: string
}

// node:http writes these itself on every response, so replaying them would send stale dates or duplicates.
const PER_CONNECTION = new Set(['date', 'connection', 'keep-alive'])

export function captureResponse(origin: string, shape: RequestShape): Promise<CapturedResponse> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${shape.path}`, { method: shape.method, headers: shape.headers, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.once('end', () => {
        const headers: string[] = []
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i] ?? ''
          if (!PER_CONNECTION.has(name.toLowerCase())) headers.push(name, res.rawHeaders[i + 1] ?? '')
        }
        resolve({
          method: shape.method,
          path: shape.path,
          status: res.statusCode ?? 0,
          headers,
          bodyBase64: Buffer.concat(chunks).toString('base64'),
        })
      })
    })
    req.once('error', reject)
    req.end(shape.body)
  })
}
