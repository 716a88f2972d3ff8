// The YAML files the package ships (the contracts, the built-in scenarios, the fixtures), parsed at
// build time: `npm run generate` writes <folder>/generated/<name>.json beside each, holding the data and
// the sha256 of the text it came from (scripts/generate-prebuilt-json.js). Start-up reads that JSON
// instead of parsing YAML, and so never loads the yaml library, while the hash matches the file as it
// is now: an edited file is parsed, never answered from a stale copy. A file of the user's own is
// always parsed.
import { createHash, type Hash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const shippedFolders = new Set(['openapi', 'scenarios', 'fixtures'].map((folder) => fileURLToPath(new URL(`../${folder}`, import.meta.url))))

/**
 * What the shipped YAML `file` holds, from its build-time JSON when that was made from `text`
 * (`sha256`: of that text); otherwise undefined.
 */
export function prebuiltYaml(file: string, text: string): { data: unknown; sha256: string } | undefined {
  const absolute = resolve(file)
  const folder = dirname(absolute)
  if (!shippedFolders.has(folder) || !absolute.endsWith('.yaml')) return undefined
  return readPrebuilt(join(folder, 'generated', `${basename(absolute, '.yaml')}.json`), text)
}

/** The data in a generated JSON, if it was made from `text` (exported for tests). */
export function readPrebuilt(jsonFile: string, text: string): { data: unknown; sha256: string } | undefined {
  let prebuilt: { sha256?: unknown; data?: unknown }
  try {
    prebuilt = JSON.parse(readFileSync(jsonFile, 'utf8')) as typeof prebuilt
  } catch {
    return undefined
  }
  const sha256 = createHash('sha256').update(text).digest('hex')
  if (prebuilt.sha256 !== sha256) return undefined
  return { data: prebuilt.data, sha256 }
}

/**
 * Feeds `hash` the code of `modules` (paths without extension, relative to `from`, the URL of a
 * module of ours) as the running code reads them: compiled `.js` when `from` is, `.ts` sources
 * through tsx. What a build made from the compiled code matches only that code.
 */
export function hashModules(hash: Hash, modules: readonly string[], from: string): void {
  const extension = from.slice(from.lastIndexOf('.'))
  for (const module of modules) hash.update(readFileSync(new URL(`${module}${extension}`, from)))
}

/** `value` as JSON in ASCII alone (anything past U+007F written as a \u escape): a file the start-up reads as Latin-1, a copy, without decoding UTF-8. */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
