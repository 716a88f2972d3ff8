// Builds <folder>/generated/<name>.json for each YAML file the package ships and reads at start-up
// (the contracts in openapi/, the built-in scenarios, the fixtures): the data parsed at build time and
// the sha256 of the YAML text, so the mock starts without loading the yaml library or parsing YAML.
// src/prebuilt.ts reads a JSON only while its hash matches the file as it is now. With --check it
// writes nothing and fails when a committed file is stale.
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { parseDocument } from 'yaml'

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
}
if (stale) process.exit(1)
