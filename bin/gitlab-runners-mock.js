#!/usr/bin/env node
// The installed command runs the compiled JavaScript in dist/, as one bundle (dist/bundle/cli.cjs,
// scripts/bundle.js: one file to load instead of ~100 modules) with V8's code cache (run-bundle.js).
// In a checkout of this repository (src/ present) it runs dist/ only while `npm run build` compiled
// it from the sources as they are now (scripts/build-stamp.cjs), and the TypeScript sources through
// tsx otherwise, so tests and `npm start` never run a stale build. The published package has no src/.
//
// CommonJS (bin/package.json), as is run-bundle.js: a CommonJS main starts without Node's ES module
// loader, ~10 ms of a ~140 ms start. Only the sources' path (tsx) loads it.
'use strict'
const { existsSync } = require('node:fs')
const { join } = require('node:path')
const { pathToFileURL } = require('node:url')

const root = join(__dirname, '..')
const sources = join(root, 'src', 'cli.ts')
const runBuilt = () => require('./run-bundle.js').runBundle(join(root, 'dist', 'bundle', 'cli.cjs'))

if (existsSync(sources) && !require('../scripts/build-stamp.cjs').builtFromCurrentSources(root)) {
  import('tsx/esm/api').then(
    (tsx) => {
      tsx.register()
      return import(pathToFileURL(sources).href)
    },
    // No tsx (a checkout installed without dev dependencies): the build there is.
    runBuilt,
  )
} else {
  runBuilt()
}
