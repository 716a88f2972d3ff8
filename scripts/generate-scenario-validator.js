// Builds src/generated/scenario-validator.ts: ajv's standalone code for scenarios/scenario.schema.json,
// compiled at build time with the options src/scenarios/source.ts uses (allErrors, strict), so reading
// a scenario does not compile the schema at start-up (~70 ms). source.ts uses it only while its sha256
// matches the schema file and compiles the schema itself otherwise. With --check it writes nothing and
// fails when the committed file is stale.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import standalone from 'ajv/dist/standalone/index.js'
import { syncGenerated } from './generated-file.js'
import { EXPORTS_OF, requiresAsImports } from './standalone-imports.js'

const SCHEMA = 'scenarios/scenario.schema.json'
const TARGET = 'src/generated/scenario-validator.ts'

const text = readFileSync(new URL(`../${SCHEMA}`, import.meta.url), 'utf8')
const ajv = new Ajv({ allErrors: true, strict: true, code: { source: true, esm: true } })
ajv.addSchema(JSON.parse(text), 'scenario')
// ajv exports the function untyped; the file exports it typed, with ajv's `errors` on it.
const source = standalone.default(ajv, { validate: 'scenario' })
const untypedExport = 'export const validate = '
if (!source.includes(untypedExport)) throw new Error(`ajv's standalone code no longer starts with \`${untypedExport}\``)
const { modules, imports, body: code } = requiresAsImports(source.replace(untypedExport, 'const validate = '), 'runtime')
if (modules.some((module) => !module.startsWith('ajv/dist/runtime/'))) throw new Error("ajv's standalone code requires something other than its runtime helpers")
const fresh = [
  '// GENERATED FILE: do not edit by hand.',
  `// Source: ${SCHEMA}, compiled by ajv's standalone code. Rebuild with \`npm run generate\`;`,
  '// `npm test` fails when this file is stale.',
  '// @ts-nocheck',
  ...imports,
  "import type { ValidateFunction } from 'ajv'",
  "import type { ScenarioFile } from '../scenarios/format.js'",
  EXPORTS_OF,
  `export const schemaSha256 = '${createHash('sha256').update(text).digest('hex')}'`,
  code,
  'export const validateScenarioFile = validate as unknown as ValidateFunction<ScenarioFile>',
  '',
].join('\n')

if (syncGenerated(TARGET, fresh, { check: process.argv.includes('--check') })) process.exit(1)
