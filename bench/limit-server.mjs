// The bare node:http limit: replays captured responses byte for byte, so the gap to the mock is the mock's own work.
// Plain JavaScript, run by plain `node`: a bare server's start-up is the yardstick of the cold-start target, so
// it must not pay for a TypeScript loader the way a TypeScript source would.
// Usage: node bench/limit-server.mjs CAPTURE.json PORT   (CAPTURE.json: bench/capture.ts's CapturedResponse[])
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'

const [capturePath, port] = process.argv.slice(2)
if (capturePath === undefined || port === undefined) {
  process.stderr.write('usage: limit-server.mjs CAPTURE.json PORT\n')
  process.exit(2)
}

const captured = JSON.parse(readFileSync(capturePath, 'utf8'))
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
