// Builds src/generated/gitlab-runners.ts from the contract with openapi-typescript.
// With --check it writes nothing and fails when the committed file is stale.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs'
import openapiTS, { astToString } from 'openapi-typescript'

const BANNER = [
  '// GENERATED FILE: do not edit by hand.',
  '// Source: openapi/gitlab-runners.yaml. Rebuild with `npm run generate`;',
  '// `npm test` fails when this file is stale.',
  '',
].join('\n')

const spec = new URL('../openapi/gitlab-runners.yaml', import.meta.url)
const target = new URL('../src/generated/gitlab-runners.ts', import.meta.url)
const fresh = BANNER + astToString(await openapiTS(spec))

if (!process.argv.includes('--check')) {
  mkdirSync(new URL('.', target), { recursive: true })
  writeFileSync(target, fresh)
  console.log('wrote src/generated/gitlab-runners.ts')
} else {
  let committed
  try {
    committed = readFileSync(target, 'utf8')
  } catch {
    committed = '' // no committed file counts as stale
  }
  if (committed !== fresh) {
    console.error('src/generated/gitlab-runners.ts is stale: run `npm run generate` and commit the result.')
    process.exit(1)
  }
  console.log('src/generated/gitlab-runners.ts is fresh.')
}
