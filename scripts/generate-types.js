// Builds src/generated/*.ts from the contracts with openapi-typescript: the GitLab API's types and the
// control API's. With --check it writes nothing and fails when a committed file is stale.
//
// defaultNonNullable: false keeps a property with a `default:` optional where the contract does not
// require it: a client may leave out `locked` or `run_untagged` in POST /user/runners, and GitLab
// (like the mock) fills in the default.
import openapiTS, { astToString } from 'openapi-typescript'
import { syncGenerated } from './generated-file.js'

const OPTIONS = { defaultNonNullable: false }
const TARGETS = [
  { spec: 'openapi/gitlab-runners.yaml', target: 'src/generated/gitlab-runners.ts' },
  { spec: 'openapi/control.yaml', target: 'src/generated/control.ts' },
]

const check = process.argv.includes('--check')
let stale = false
for (const { spec, target } of TARGETS) {
  const banner = [
    '// GENERATED FILE: do not edit by hand.',
    `// Source: ${spec}. Rebuild with \`npm run generate\`;`,
    '// `npm test` fails when this file is stale.',
    '',
  ].join('\n')
  const fresh = banner + astToString(await openapiTS(new URL(`../${spec}`, import.meta.url), OPTIONS))
  if (syncGenerated(target, fresh, { check })) stale = true
}
if (stale) process.exit(1)
