// The module boundaries of DESIGN.md and STYLE.md, checked: store imports nothing of ours but types,
// contract owns ajv and Prism, server never reaches into drift, drift only into contract (and the
// secrets leaf, which everyone shares).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = new URL('../src/', import.meta.url).pathname

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : []
  })
}

interface Import {
  file: string
  spec: string
  typeOnly: boolean
}

function importsOf(folder: string): Import[] {
  return files(join(SRC, folder)).flatMap((file) => {
    const text = readFileSync(file, 'utf8')
    return [...text.matchAll(/^(?:import|export)\s+(type\s+)?[^'"]*?from\s+'([^']+)'/gm)].map((match) => ({
      file: relative(SRC, file),
      spec: match[2]!,
      typeOnly: match[1] !== undefined,
    }))
  })
}

/** Which top folder of src/ an import lands in, or the package name. */
function target(entry: Import): string {
  if (!entry.spec.startsWith('.')) return entry.spec.startsWith('@') ? entry.spec.split('/').slice(0, 2).join('/') : entry.spec.split('/')[0]!
  const resolved = relative(SRC, join(SRC, entry.file, '..', entry.spec))
  return resolved.split('/')[0]!
}

function violations(folder: string, allowed: (entry: Import, lands: string) => boolean): string[] {
  return importsOf(folder)
    .filter((entry) => !allowed(entry, target(entry)))
    .map((entry) => `${entry.file} imports ${entry.spec}`)
}

describe('module seams', () => {
  it('keeps the store free of HTTP, ajv and everything of ours but generated types', () => {
    expect(violations('store', (entry, lands) => lands === 'store' || lands.startsWith('node:') || (lands === 'generated' && entry.typeOnly))).toEqual([])
  })

  it('keeps ajv and Prism inside the contract module', () => {
    const outside = ['store', 'server', 'scenarios', 'drift'].flatMap((folder) =>
      violations(folder, (_entry, lands) => !['@stoplight/prism-http', 'ajv', 'ajv-formats'].includes(lands)),
    )
    // scenarios validate their own files with ajv: a schema of ours, not the contract's.
    expect(outside.filter((line) => !line.startsWith('scenarios/'))).toEqual([])
  })

  // One direction: the control plane implements the server's hooks (server/hooks.ts), index.ts wires them.
  it('keeps the server free of the control plane', () => {
    expect(violations('server', (_entry, lands) => lands !== 'control')).toEqual([])
  })

  // The control plane implements the server's hooks and mounts /__mock with the server's body reader,
  // responder and error catalogue; the pipeline itself (app.ts, handlers, dispatch) is none of its business.
  it('lets the control plane reach the server only through its hooks, errors, responder and input reader', () => {
    const allowed = ['server/hooks.ts', 'server/errors.ts', 'server/respond.ts', 'server/input.ts']
    const reached = importsOf('control')
      .filter((entry) => target(entry) === 'server')
      .map((entry) => relative(SRC, join(SRC, entry.file, '..', entry.spec)).replace(/\.js$/, '.ts'))
    expect(reached.filter((path) => !allowed.includes(path))).toEqual([])
  })

  it('keeps the control plane away from the drift checker and the entry point that wires it', () => {
    expect(violations('control', (_entry, lands) => !['drift', 'index.ts'].includes(lands))).toEqual([])
  })

  it('keeps the server away from the drift checker', () => {
    expect(violations('server', (_entry, lands) => lands !== 'drift')).toEqual([])
  })

  // What a secret is lives in one leaf module, so the journal (control), the request log (server) and the
  // drift checker's reports and recordings can all share it without reaching into each other.
  it('keeps the secrets module a leaf: it imports nothing of ours', () => {
    expect(violations('secrets', (_entry, lands) => lands === 'secrets' || lands.startsWith('node:'))).toEqual([])
  })

  // The error catalogue is the one file to hold against GitLab's answers: a status line written
  // anywhere else ("400 Bad request - …" in the store, a 403 in the site checks) escapes it.
  it('lets only server/errors.ts write the mock\'s status lines', () => {
    const statusLine = /[`'"][45]\d\d [A-Z][a-z]+(?: [A-Za-z]+)* - /
    const written = ['store', 'server', 'control', 'scenarios', 'profile', 'contract']
      .flatMap((folder) => files(join(SRC, folder)))
      .filter((file) => relative(SRC, file) !== join('server', 'errors.ts'))
      .flatMap((file) => readFileSync(file, 'utf8').split('\n').flatMap((line, index) => (statusLine.test(line) ? [`${relative(SRC, file)}:${index + 1}`] : [])))
    expect(written).toEqual([])
  })

  it('lets the drift checker import only the contract of ours', () => {
    const ours = ['store', 'server', 'scenarios', 'control', 'cli']
    expect(violations('drift', (_entry, lands) => !ours.includes(lands))).toEqual([])
  })
})
