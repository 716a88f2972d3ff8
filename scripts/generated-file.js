// One generated file against its committed copy: written when it differs (and only then, so an
// unchanged file keeps its time and the build stamp stays valid), or, with `check`, reported fresh or
// stale without writing. Returns whether the committed copy was stale. Shared by every generator.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'

export function syncGenerated(target, fresh, { check }) {
  const file = new URL(`../${target}`, import.meta.url)
  let committed
  try {
    committed = readFileSync(file, 'utf8')
  } catch {
    committed = '' // no committed file counts as stale
  }
  if (committed === fresh) {
    if (check) console.log(`${target} is fresh.`)
    return false
  }
  if (check) {
    console.error(`${target} is stale: run \`npm run generate\` and commit the result.`)
    return true
  }
  mkdirSync(new URL('.', file), { recursive: true })
  writeFileSync(file, fresh)
  // stderr: `npm pack --json` runs the build and reads its stdout as JSON
  console.error(`wrote ${target}`)
  return false
}
