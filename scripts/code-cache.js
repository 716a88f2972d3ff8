// The command bundle's V8 code cache (dist/bundle/cli.cjs.cache, read by bin/run-bundle.js). It is
// what V8 compiled during one start as a user makes it, in a fresh process: `serve` on the default
// scenario, the API's common requests, then the `bench` scenario loaded over the control API (the
// start that reads a prebuilt world). Functions that start did not reach compile on first call, as
// they would without a cache.
//
// A cache holds V8's version and flags: the training process runs with a bare environment (no
// NODE_OPTIONS), as a plain `gitlab-runners-mock` start has it.
// A rebuild with an unchanged bundle keeps the cache it has while this Node accepts it, so dist/
// changes no byte (the build's mirror relies on that; the cache's bytes differ from run to run).
import { spawnSync } from 'node:child_process'
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { createServer } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { codeCacheFile, compileBundle, runBundle } from '../bin/run-bundle.js'

const TRAINING_TIMEOUT_MS = 60_000
// The training start sees only these: no NODE_OPTIONS (its V8 flags would be the cache's), none of the
// command's own variables (PORT, GITLAB_RUNNERS_MOCK_*), and no credentials of the shell that builds.
const TRAINING_ENV = new Set(['PATH', 'HOME', 'TMPDIR', 'TEMP', 'TMP', 'SYSTEMROOT', 'LANG'])

/**
 * Writes `bundle`'s code cache beside it: `installed`'s cache when `installed` is the same bundle
 * and this Node takes its cache, a freshly trained one otherwise. Returns what it did, for the build's
 * log; a failed training leaves no cache (the command then compiles as it would without one).
 */
export function writeCodeCache(bundle, installed) {
  if (sameFile(bundle, installed) && acceptsCache(installed)) {
    copyFileSync(codeCacheFile(installed), codeCacheFile(bundle))
    return 'kept'
  }
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => TRAINING_ENV.has(name)))
  const trained = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--train', bundle], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: TRAINING_TIMEOUT_MS,
  })
  if (trained.status !== 0) return `not made: the training start failed (${trained.error?.message ?? `exit ${trained.status}`})\n${trained.stderr}`
  return 'trained'
}

function sameFile(a, b) {
  try {
    return readFileSync(a).equals(readFileSync(b))
  } catch {
    return false
  }
}

function acceptsCache(bundle) {
  try {
    return !compileBundle(bundle, readFileSync(codeCacheFile(bundle))).cachedDataRejected
  } catch {
    return false
  }
}

/** The training process: starts `serve` from the bundle, makes the requests, saves what V8 compiled. */
async function train(bundle) {
  const port = await freePort()
  process.argv = [process.argv[0], bundle, 'serve', '--host', '127.0.0.1', '--port', String(port), '--scenario', 'default']
  const script = runBundle(bundle, { useCache: false })
  const call = (method, path, headers = {}, body = undefined) => send(port, method, path, headers, body)
  await until(async () => (await call('GET', '/__mock/health')).status === 200)
  const { personas } = JSON.parse((await call('GET', '/__mock/personas')).body)
  const api = (path, method = 'GET', body = undefined) => call(method, `/api/v4${path}`, { 'private-token': personas[0].token }, body)
  const common = async () => {
    await api('/runners/all?per_page=20')
    await api('/runners?type=project_type&paused=false')
    await api('/runners/1')
    await api('/runners/1/jobs')
    await api('/runners/1/managers')
    await call('GET', '/api/v4/runners/1') // no token: 401
  }
  await common()
  await api('/runners/1', 'PUT', { description: 'trained' })
  const loaded = await call('POST', '/__mock/scenario', {}, { name: 'bench' })
  if (loaded.status !== 204) throw new Error(`loading the bench scenario answered ${loaded.status}: ${loaded.body}`)
  await common()
  writeFileSync(codeCacheFile(bundle), script.createCachedData())
  process.exit(0)
}

/** One request to the training server on 127.0.0.1; its status and body text. */
function send(port, method, path, headers, body) {
  const payload = body === undefined ? undefined : JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, method, path, agent: false, headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json' } }, (response) => {
      let text = ''
      response.setEncoding('utf8').on('data', (chunk) => (text += chunk))
      response.once('end', () => resolve({ status: response.statusCode, body: text }))
    })
    request.once('error', reject)
    request.end(payload)
  })
}

async function until(ready) {
  const deadline = Date.now() + TRAINING_TIMEOUT_MS
  for (;;) {
    let failure = new Error('not ready')
    try {
      if (await ready()) return
    } catch (error) {
      failure = error
    }
    if (Date.now() > deadline) throw failure
    await sleep(10)
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

if (process.argv[2] === '--train') await train(process.argv[3])
