// GET /__mock/journal/stream: the scope's journal as server-sent events, so a dashboard tails it
// without polling. The backlog comes first (only entries after Last-Event-ID on a reconnect), then
// each new entry as it is recorded, with a comment line now and then so proxies keep the line open.
import type { Request, Response } from 'express'
import type { Journal, JournalEntry } from './journal.js'

const KEEP_ALIVE_MS = 15_000

export function streamJournal(req: Request, res: Response, journal: Journal, limit: number | undefined): void {
  const after = Number(req.get('last-event-id') ?? 0) || 0
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  })
  // HEAD asks for the headers only: a stream that never ends would keep it waiting.
  if (req.method === 'HEAD') {
    res.end()
    return
  }
  const send = (entry: JournalEntry) => res.write(`id: ${entry.seq}\nevent: entry\ndata: ${JSON.stringify(entry)}\n\n`)
  // Tell the client how long to wait before reconnecting, then the backlog.
  res.write('retry: 1000\n\n')
  for (const entry of journal.list(limit)) if (entry.seq > after) send(entry)
  const unsubscribe = journal.subscribe(send)
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEP_ALIVE_MS)
  keepAlive.unref()
  res.once('close', () => {
    unsubscribe()
    clearInterval(keepAlive)
  })
}
