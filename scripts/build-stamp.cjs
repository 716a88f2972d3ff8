// Whether dist/ was compiled from the sources as they are now. `npm run build` records a fingerprint
// of every file the compiler reads (src/ and the tsconfigs) in dist/build-stamp.json; the command in a
// checkout runs dist/ only while the fingerprint still matches, so it never runs a stale build.
// The fingerprint is each file's path, size and modification time: listing and stat-ing ~130 files
// costs about a millisecond at start-up, where hashing their contents costs several. A touched but
// unchanged file only makes the command fall back to the sources, never run stale code.
// CommonJS, like bin/: the command in a checkout loads it before anything else (see bin/package.json).
'use strict'
const { readdirSync, readFileSync, statSync } = require('node:fs')
const { join, resolve, sep } = require('node:path')

const STAMP_FILE = 'dist/build-stamp.json'

const INPUTS = ['tsconfig.json', 'tsconfig.build.json']

/** The fingerprint of the compiler's inputs under `root` (a directory path), one line per file. */
function sourceFingerprint(root) {
  // Paths by concatenation: path.relative and path.join per file were two thirds of the check's
  // ~5 ms at every start of the command in a checkout.
  const base = resolve(root)
  const sources = []
  for (const entry of readdirSync(join(base, 'src'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) sources.push(`${entry.parentPath.slice(base.length + 1)}${sep}${entry.name}`)
  }
  return [...INPUTS, ...sources.sort()]
    .map((file) => {
      const stat = statSync(`${base}${sep}${file}`)
      return `${file} ${stat.size} ${stat.mtimeMs}`
    })
    .join('\n')
}

/** True when `root`'s dist/ holds a stamp matching the sources now. */
function builtFromCurrentSources(root) {
  let stamp
  try {
    stamp = JSON.parse(readFileSync(join(root, STAMP_FILE), 'utf8'))
  } catch {
    return false
  }
  return stamp.fingerprint === sourceFingerprint(root)
}

module.exports = { STAMP_FILE, sourceFingerprint, builtFromCurrentSources }
