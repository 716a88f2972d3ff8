// Fails when src/generated/gitlab-runners.ts no longer matches what openapi-typescript makes of the spec.
import { readFileSync } from 'node:fs'
import openapiTS, { astToString } from 'openapi-typescript'
import { BANNER } from './banner.js'

const spec = new URL('../openapi/gitlab-runners.yaml', import.meta.url)
const generated = new URL('../src/generated/gitlab-runners.ts', import.meta.url)

const fresh = BANNER + astToString(await openapiTS(spec))
let committed = ''
try {
  committed = readFileSync(generated, 'utf8')
} catch {
  committed = ''
}
if (committed !== fresh) {
  console.error('src/generated/gitlab-runners.ts is stale: run `npm run generate` and commit the result.')
  process.exit(1)
}
console.log('src/generated/gitlab-runners.ts is fresh.')
