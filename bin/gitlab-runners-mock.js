#!/usr/bin/env node
// The installed command runs the compiled JavaScript in dist/, as one bundle (dist/bundle/cli.cjs,
// scripts/bundle.js: one file to load instead of ~100 modules) with V8's code cache (run-bundle.js).
// In a checkout of this repository (src/ present) it runs dist/ only while `npm run build` compiled
// it from the sources as they are now (scripts/build-stamp.js), and the TypeScript sources through
// tsx otherwise, so tests and `npm start` never run a stale build. The published package has no src/.
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { runBundle } from './run-bundle.js'

const root = new URL('../', import.meta.url)
const sources = new URL('src/cli.ts', root)
const runSources = existsSync(sources) && !(await import('../scripts/build-stamp.js')).builtFromCurrentSources(fileURLToPath(root))
const tsx = runSources ? await import('tsx/esm/api').catch(() => undefined) : undefined
if (tsx) {
  tsx.register()
  await import(sources.href)
} else {
  runBundle(fileURLToPath(new URL('dist/bundle/cli.cjs', root)))
}
