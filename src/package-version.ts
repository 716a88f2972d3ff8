// This package's version, read from the package.json one level above src/ (or dist/ once built).
import { readFileSync } from 'node:fs'

let version: string | undefined

export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version
  return version
}
