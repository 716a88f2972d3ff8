// Builds <folder>/generated/<name>.json for each YAML file the package ships and reads at start-up
// (the contracts in openapi/, the built-in scenarios, the fixtures): the data parsed at build time and
// the sha256 of the YAML text, so the mock starts without loading the yaml library or parsing YAML.
// src/prebuilt.ts reads a JSON only while its hash matches the file as it is now. With --check it
// writes nothing and fails when a committed file is stale.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { parseDocument } from 'yaml'
import { syncGenerated } from './generated-file.js'

const FOLDERS = ['openapi', 'scenarios', 'fixtures']

const check = process.argv.includes('--check')
let stale = false
for (const folder of FOLDERS) {
  const names = readdirSync(new URL(`../${folder}`, import.meta.url)).filter((name) => name.endsWith('.yaml')).sort()
  for (const name of names) {
    const spec = `${folder}/${name}`
    const target = `${folder}/generated/${name.slice(0, -'.yaml'.length)}.json`
    const text = readFileSync(new URL(`../${spec}`, import.meta.url), 'utf8')
    const yaml = parseDocument(text, { prettyErrors: false, uniqueKeys: true })
    if (yaml.errors.length > 0) {
      // Loading the file reports the problem with its line; the JSON is left as it is.
      console.error(`${spec} is not valid YAML (${yaml.errors[0].message.split('\n')[0]}); ${target} left as it is`)
      process.exitCode = 1
      continue
    }
    const fresh = `${JSON.stringify({
      generated: `GENERATED FILE: do not edit by hand. Source: ${spec}. Rebuild with \`npm run generate\`; \`npm test\` fails when this file is stale.`,
      sha256: createHash('sha256').update(text).digest('hex'),
      data: yaml.toJS(),
    }, null, 1)}\n`
    if (syncGenerated(target, fresh, { check })) stale = true
  }
}
if (stale) process.exit(1)
