// Prepends the "generated, do not edit" banner to openapi-typescript's output.
import { readFileSync, writeFileSync } from 'node:fs'

export const BANNER = [
  '// GENERATED FILE: do not edit by hand.',
  '// Source: openapi/gitlab-runners.yaml. Rebuild with `npm run generate`;',
  '// `npm test` fails when this file is stale.',
  '',
].join('\n')

const target = process.argv[2]
if (target) {
  const body = readFileSync(target, 'utf8')
  writeFileSync(target, body.startsWith(BANNER) ? body : BANNER + body)
}
