// Builds src/generated/request-validators.ts: ajv's standalone code for the request validators of the
// shipped contract as its newest release answers (the release `serve` answers as unless told
// otherwise), so a first request does not wait for ajv to generate and compile its validator (~5 ms
// of a ~130 ms start) and a start needs no ajv at all. Each validator is keyed by the JSON text of the
// schema it was compiled from (src/contract/request.ts `requestSchemas`, with the options of
// src/contract/vocabulary.ts `createAjv`); request.ts uses one only for the same text and compiles
// every other schema itself, so a stale or missing entry costs time, never a wrong answer. With
// --check it writes nothing and fails when the committed file is stale.
import standalone from 'ajv/dist/standalone/index.js'
import { tsImport } from 'tsx/esm/api'
import { syncGenerated } from './generated-file.js'
import { EXPORTS_OF, requiresAsImports } from './standalone-imports.js'

const TARGET = 'src/generated/request-validators.ts'
const check = process.argv.includes('--check')

const { loadContract } = await tsImport('../src/contract/load.ts', import.meta.url)
const { requestSchemas } = await tsImport('../src/contract/request.ts', import.meta.url)
const { createAjv } = await tsImport('../src/contract/vocabulary.ts', import.meta.url)

const contract = loadContract(undefined, { checkSchemas: false })
const ajv = createAjv({ checkSchemas: false, standalone: true })
// One validator per distinct schema text, in the contract's order.
const texts = new Map()
for (const operation of contract.operations.values()) {
  const { parameters, body } = requestSchemas(operation)
  for (const schema of body === undefined ? [parameters] : [parameters, body]) {
    const text = JSON.stringify(schema)
    if (texts.has(text)) continue
    const name = `v${texts.size}`
    texts.set(text, name)
    ajv.addSchema(schema, name)
  }
}
const { imports, body } = requiresAsImports(standalone.default(ajv, Object.fromEntries([...texts.values()].map((name) => [name, name]))), 'required')
const fresh = [
  '// GENERATED FILE: do not edit by hand.',
  "// Source: openapi/gitlab-runners.yaml as its newest release answers, each request's validators",
  "// compiled by ajv's standalone code (scripts/generate-request-validators.js). Rebuild with",
  '// `npm run generate`; `npm test` fails when this file is stale.',
  '// @ts-nocheck',
  ...imports,
  "import type { ValidateFunction } from 'ajv'",
  EXPORTS_OF,
  body,
  '/** Each validator by the JSON text of the schema it was compiled from. */',
  `export const prebuiltRequestValidators: ReadonlyMap<string, ValidateFunction> = new Map([\n${[...texts].map(([text, name]) => `  [${JSON.stringify(text)}, ${name}],`).join('\n')}\n])`,
  '',
].join('\n')

if (syncGenerated(TARGET, fresh, { check })) process.exit(1)
