// Builds openapi/generated/<name>.json from each contract the package ships: the YAML parsed at build
// time, so the mock starts without parsing YAML (a quarter of its start-up). src/contract/load.ts
// reads the JSON only while its sha256 matches the YAML's text, so an edited contract is never
// answered from a stale copy. With --check it writes nothing and fails when a committed file is stale.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { parseDocument } from 'yaml'

const CONTRACTS = ['gitlab-runners', 'control']

const check = process.argv.includes('--check')
let stale = false
for (const name of CONTRACTS) {
  const spec = `openapi/${name}.yaml`
  const target = `openapi/generated/${name}.json`
  const text = readFileSync(new URL(`../${spec}`, import.meta.url), 'utf8')
  const yaml = parseDocument(text, { prettyErrors: false })
  if (yaml.errors.length > 0) {
    // Loading the contract reports the problem with its line; the JSON is left as it is.
    console.error(`${spec} is not valid YAML (${yaml.errors[0].message.split('\n')[0]}); ${target} left as it is`)
    process.exitCode = 1
    continue
  }
  const fresh = `${JSON.stringify({
    generated: `GENERATED FILE: do not edit by hand. Source: ${spec}. Rebuild with \`npm run generate\`; \`npm test\` fails when this file is stale.`,
    sha256: createHash('sha256').update(text).digest('hex'),
    document: yaml.toJS(),
  }, null, 1)}\n`
  const file = new URL(`../${target}`, import.meta.url)
  let committed
  try {
    committed = readFileSync(file, 'utf8')
  } catch {
    committed = '' // no committed file counts as stale
  }
  if (check) {
    if (committed === fresh) console.log(`${target} is fresh.`)
    else {
      console.error(`${target} is stale: run \`npm run generate\` and commit the result.`)
      stale = true
    }
  } else if (committed !== fresh) {
    mkdirSync(new URL('.', file), { recursive: true })
    writeFileSync(file, fresh)
    // stderr: `npm pack --json` runs the build and reads its stdout as JSON
    console.error(`wrote ${target}`)
  }
}
if (stale) process.exit(1)
