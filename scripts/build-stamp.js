// Whether dist/ was compiled from the sources as they are now. `npm run build` records a fingerprint
// of every file the compiler reads (src/ and the tsconfigs) in dist/build-stamp.json; the command in a
// checkout runs dist/ only while the fingerprint still matches, so it never runs a stale build.
// The fingerprint is each file's path, size and modification time: listing and stat-ing ~130 files
// costs about a millisecond at start-up, where hashing their contents costs several. A touched but
// unchanged file only makes the command fall back to the sources, never run stale code.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

export const STAMP_FILE = 'dist/build-stamp.json'

const INPUTS = ['tsconfig.json', 'tsconfig.build.json']

/** The fingerprint of the compiler's inputs under `root` (a directory path), one line per file. */
export function sourceFingerprint(root) {
  const sources = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
  return [...INPUTS, ...sources.sort()]
    .map((file) => {
      const stat = statSync(join(root, file))
      return `${file} ${stat.size} ${stat.mtimeMs}`
    })
    .join('\n')
}

/** True when `root`'s dist/ holds a stamp matching the sources now. */
export function builtFromCurrentSources(root) {
  let stamp
  try {
    stamp = JSON.parse(readFileSync(join(root, STAMP_FILE), 'utf8'))
  } catch {
    return false
  }
  return stamp.fingerprint === sourceFingerprint(root)
}
