// Builds src/generated/validators.ts: ajv's standalone code for the validators of the shipped contract
// as its newest release answers (the release `serve` answers as unless told otherwise) that a first
// request would otherwise wait for ajv to load (~3 ms) and compile (~2-5 ms): every request's
// parameters and body, and the responses' headers and error bodies (a first list checks its
// pagination headers, a first 401 or 404 its body). Success bodies are left to ajv: the self-check
// vouches for those the serializer built (src/contract/response.ts) and they would add ~200 KB.
// Each validator is keyed by the JSON text of the schema it was compiled from (src/contract/request.ts
// `requestSchemas`, src/contract/response.ts `responseSchemasBuiltAhead`, with the options of
// src/contract/vocabulary.ts `createAjv`); a validator is used only for the same text and every other
// schema is compiled at run time, so a stale or missing entry costs time, never a wrong answer. With
// --check it writes nothing and fails when the committed file is stale.
import standalone from 'ajv/dist/standalone/index.js'
import { tsImport } from 'tsx/esm/api'
import { syncGenerated } from './generated-file.js'
import { EXPORTS_OF, requiresAsImports } from './standalone-imports.js'

const TARGET = 'src/generated/validators.ts'
const check = process.argv.includes('--check')

const { loadContract } = await tsImport('../src/contract/load.ts', import.meta.url)
const { requestSchemas } = await tsImport('../src/contract/request.ts', import.meta.url)
const { responseSchemasBuiltAhead } = await tsImport('../src/contract/response.ts', import.meta.url)
const { createAjv } = await tsImport('../src/contract/vocabulary.ts', import.meta.url)

const contract = loadContract(undefined, { checkSchemas: false })
const ajv = createAjv({ checkSchemas: false, standalone: true })
// One validator per distinct schema text, in the contract's order.
const texts = new Map()
for (const operation of contract.operations.values()) {
  const { parameters, body } = requestSchemas(operation)
  for (const schema of [parameters, ...(body === undefined ? [] : [body]), ...responseSchemasBuiltAhead(operation)]) {
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
  "// Source: openapi/gitlab-runners.yaml as its newest release answers: each request's validators and",
  "// its responses' header and error body validators, compiled by ajv's standalone code",
  '// (scripts/generate-validators.js). Rebuild with `npm run generate`; `npm test` fails when this',
  '// file is stale.',
  '// @ts-nocheck',
  ...imports,
  "import type { ValidateFunction } from 'ajv'",
  EXPORTS_OF,
  body,
  '/** Each validator by the JSON text of the schema it was compiled from. */',
  `export const prebuiltValidators: ReadonlyMap<string, ValidateFunction> = new Map([\n${[...texts].map(([text, name]) => `  [${JSON.stringify(text)}, ${name}],`).join('\n')}\n])`,
  '',
].join('\n')

if (syncGenerated(TARGET, fresh, { check })) process.exit(1)
