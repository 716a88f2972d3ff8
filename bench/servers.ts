// Server child processes for the benchmark: spawn, time spawn → first 200, read peak RSS, and kill every one.
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { request } from 'node:http'
import { createServer } from 'node:net'
import { performance } from 'node:perf_hooks'
import { serverCommand } from './pinning.js'

export interface ServerSpec {
  name: string
  /** Arguments to `node` (the script and its options); `{port}` is replaced by the chosen port. */
  args: readonly string[]
  /** A GET that answers 200 once the server is ready (for cold start). */
  readyPath: string
  readyHeaders: Record<string, string>
  /** Large worlds take a while to generate. */
  readyTimeoutMs?: number
}

export interface ServerProcess {
  name: string
  pid: number
  origin: string
  /** Spawn → first 200 on `readyPath`. */
  coldStartMs: number
  /** VmHWM: the largest resident set the process has had, in MB. */
  peakRssMb(): number
  /** Current resident set, in MB. */
  rssMb(): number
  /** CPU time (user + system) the process has used so far, in ms: cold start's cost when the machine is busy. */
  cpuMs(): number
  stop(): Promise<void>
}

const running = new Set<ChildProcess>()

/**
 * The environment every server runs in: this one without NODE_EXTRA_CA_CERTS. Node reads that file
 * (often the system's whole CA bundle) before any JavaScript runs, at every start: 50–70 ms on this
 * machine, paid alike by every server, so it hid most of what the cold-start target compares (the
 * bare server's whole start is ~35 ms without it). Nothing the servers do here needs extra CAs.
 */
export const serverEnvironment: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => name !== 'NODE_EXTRA_CA_CERTS'),
)

// Whatever ends the run (an exception, Ctrl-C, a finished bench), no server outlives it.
process.once('exit', killAll)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    killAll()
    process.exit(130)
  })
}

export function killAll(): void {
  for (const child of running) child.kill('SIGKILL')
  running.clear()
}

export async function startServer(spec: ServerSpec): Promise<ServerProcess> {
  const port = await freePort()
  const args = spec.args.map((arg) => arg.replaceAll('{port}', String(port)))
  const started = performance.now()
  const [command, commandArgs] = serverCommand(args)
  const child = spawn(command, commandArgs, { stdio: ['ignore', 'ignore', 'pipe'], env: serverEnvironment })
  running.add(child)
  let stderr = ''
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4000)
  })
  let ready = false
  const exited = new Promise<never>((_, reject) => {
    child.once('exit', (code, signal) => {
      running.delete(child)
      // A server that dies under load would otherwise show only as a connection reset in the load generator.
      if (ready && signal !== 'SIGKILL') process.stderr.write(`${spec.name} exited (${signal ?? code}) during the run:\n${stderr}\n`)
      reject(new Error(`${spec.name} exited (${signal ?? code}) before answering:\n${stderr}`))
    })
  })
  exited.catch(() => {})
  const origin = `http://127.0.0.1:${port}`
  await Promise.race([waitFor200(origin, spec), exited])
  const coldStartMs = performance.now() - started
  ready = true
  const pid = child.pid
  if (pid === undefined) throw new Error(`${spec.name} has no pid`)
  return {
    name: spec.name,
    pid,
    origin,
    coldStartMs,
    peakRssMb: () => readStatusMb(pid, 'VmHWM'),
    rssMb: () => readStatusMb(pid, 'VmRSS'),
    cpuMs: () => readCpuMs(pid),
    stop: () => stopChild(child),
  }
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })
}

async function waitFor200(origin: string, spec: ServerSpec): Promise<void> {
  const deadline = performance.now() + (spec.readyTimeoutMs ?? 30_000)
  while (performance.now() < deadline) {
    if ((await statusOf(`${origin}${spec.readyPath}`, spec.readyHeaders)) === 200) return
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  throw new Error(`${spec.name} did not answer 200 on ${spec.readyPath} within ${spec.readyTimeoutMs ?? 30_000} ms`)
}

/** The status of one GET, or 0 while nothing listens yet. */
function statusOf(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { headers, agent: false }, (res) => {
      res.resume()
      res.once('end', () => resolve(res.statusCode ?? 0))
    })
    req.once('error', () => resolve(0))
    req.end()
  })
}

function readStatusMb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]
  if (kb === undefined) throw new Error(`no ${field} in /proc/${pid}/status`)
  return Number(kb) / 1024
}

// utime and stime are fields 14 and 15 of /proc/PID/stat, in clock ticks (100 per second on Linux);
// the process name (field 2) may hold spaces, so count from the closing parenthesis.
function readCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

/** A port nothing listens on now; the child binds it a moment later (the CLIs need a number up front). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
