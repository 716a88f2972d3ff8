// Which files a scenario may read. A scenario the user names on the command line or in code is
// trusted and reads any file; one that arrives over the control API reads only inside the scenarios
// and fixtures folders and folders the user allowed (--allow-dir), and learns nothing about any
// other file, not even whether it exists.
import { realpathSync } from 'node:fs'
import { isAbsolute, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url))
const FIXTURES_DIR = fileURLToPath(new URL('../../fixtures/', import.meta.url))

/** The folders an untrusted scenario may read, as real paths. */
export interface FileAccess {
  readonly allowedDirs: readonly string[]
}

/** Access for scenarios from the control API: the package's scenarios and fixtures plus `extraDirs`. */
export function confinedAccess(extraDirs: readonly string[] = []): FileAccess {
  return { allowedDirs: [SCENARIOS_DIR, FIXTURES_DIR, ...extraDirs].map(realDir) }
}

function realDir(dir: string): string {
  try {
    return realpathSync(resolve(dir))
  } catch {
    // A folder that does not exist yet allows what will be created there.
    return resolve(dir)
  }
}

/**
 * Why `path` may not be read, or undefined when it may. Checked on the path as written first, so a
 * file outside is refused before anything touches it, then on its real path, so no symlink leads out.
 */
export function refusal(path: string, access: FileAccess | undefined): string | undefined {
  if (access === undefined) return undefined
  const outside = 'outside the folders a scenario loaded over the control API may read (scenarios/, fixtures/ and --allow-dir folders)'
  if (!isInside(resolve(path), access)) return outside
  let real: string
  try {
    real = realpathSync(path)
  } catch {
    // Inside an allowed folder, the reader's own error (ENOENT) is no secret.
    return undefined
  }
  return isInside(real, access) ? undefined : outside
}

function isInside(path: string, access: FileAccess): boolean {
  return access.allowedDirs.some((dir) => {
    const rel = relative(dir, path)
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel))
  })
}
