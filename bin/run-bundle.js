// Runs the command's bundle (dist/bundle/cli.cjs, a CommonJS script: scripts/bundle.js) with V8's
// code cache. Node 20 has no compile cache for modules (`module.enableCompileCache` is Node 22), so
// every start would parse and compile the bundle's ~1.3 MB and then compile each function on first
// call: about 35 ms of a ~200 ms start. `npm run build` runs a start once and saves what V8 compiled
// beside the bundle (cli.cjs.cache, scripts/code-cache.js); a start here hands it back to V8.
// V8 checks the cache against its own version, its flags and the source, and rejects one that does not
// fit (another Node, other V8 flags, a damaged file): the bundle then compiles as it would without a
// cache, only slower. CommonJS, like the command's entry (bin/package.json).
'use strict'
const { readFileSync } = require('node:fs')
const { createRequire } = require('node:module')
const { dirname } = require('node:path')
const vm = require('node:vm')

/** The cache file of a bundle. */
function codeCacheFile(bundleFile) {
  return `${bundleFile}.cache`
}

/** Compiles `bundleFile` (an absolute path) as Node compiles a CommonJS module, with `cachedData` if given. */
function compileBundle(bundleFile, cachedData) {
  // The bundle is ASCII (scripts/bundle.js): read as Latin-1, the same text without decoding UTF-8.
  const source = readFileSync(bundleFile, 'latin1')
  return new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundleFile,
    cachedData,
    // An `import()` inside the bundle resolves as it would in a module of the package.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  })
}

/**
 * Runs `bundleFile` (an absolute path) as Node would run a CommonJS module, with its code cache unless
 * `useCache` is false; returns its compiled script (`cachedDataRejected` says whether the cache was
 * taken, `createCachedData()` makes one).
 */
function runBundle(bundleFile, { useCache = true } = {}) {
  const script = compileBundle(bundleFile, useCache ? readIfPresent(codeCacheFile(bundleFile)) : undefined)
  const module = { exports: {} }
  script.runInThisContext()(module.exports, createRequire(bundleFile), module, bundleFile, dirname(bundleFile))
  return script
}

module.exports = { codeCacheFile, compileBundle, runBundle }

function readIfPresent(file) {
  try {
    return readFileSync(file)
  } catch {
    return undefined
  }
}
