// The bare node:http limit: replays captured responses byte for byte, so the gap to the mock is the mock's own work.
// Usage: node --import tsx bench/limit-server.ts CAPTURE.json PORT
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { CapturedResponse } from './capture.js'

const [capturePath, port] = process.argv.slice(2)
if (capturePath === undefined || port === undefined) {
  process.stderr.write('usage: limit-server.ts CAPTURE.json PORT\n')
  process.exit(2)
}

const captured = JSON.parse(readFileSync(capturePath, 'utf8')) as CapturedResponse[]
const replies = new Map(
  captured.map((c) => [`${c.method} ${c.path}`, { status: c.status, headers: c.headers, body: Buffer.from(c.bodyBase64, 'base64') }]),
)

createServer((req, res) => {
  // Read the request body as the mock must, then answer with the recorded bytes.
  req.resume()
  req.once('end', () => {
    const reply = replies.get(`${req.method} ${req.url}`)
    if (reply === undefined) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(reply.status, reply.headers).end(reply.body)
  })
}).listen(Number(port), '127.0.0.1')
