// The example responses of GitLab's Runners API documentation, five versions of the page
// (../shared/seeds/), each checked against the document derived for the release it documents.
// The pages show a subset of the keys GitLab sends (old pages only a project's identity fields),
// so a key the page leaves out is not a failure; every key it shows must exist in that release,
// with the type and values that release sends. Invalid JSON on a page is repaired, and where the
// page contradicts GitLab's code (reference beats docs) the fixture says so, value by value.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadContract } from '../../src/contract/index.js'

interface SeedExample {
  seed: string
  release: string
  request: string
  operationId: string
  status: number
  jsonRepair?: string
  contentRepairs?: { pointer: string; value: unknown; why: string }[]
  documented: string
}

const examples = JSON.parse(readFileSync(new URL('./fixtures/seed-examples.json', import.meta.url), 'utf8')) as SeedExample[]
const newest = loadContract()

/** The two mistakes the pages make in JSON: a missing comma between members, a trailing comma. */
function repairJson(text: string): string {
  return text.replace(/(true|false|null|\d|")(\s*\n\s*")/g, '$1,$2').replace(/,(\s*[}\]])/g, '$1')
}

function setAt(body: unknown, pointer: string, value: unknown): void {
  const segments = pointer.split('/').slice(1)
  const last = segments.pop()!
  const parent = segments.reduce<unknown>((node, segment) => (node as Record<string, unknown>)[segment], body)
  ;(parent as Record<string, unknown>)[last] = value
}

function violations(example: SeedExample, body: unknown): string[] {
  const contract = newest.forRelease(example.release)
  const operation = contract.getOperation(example.operationId)
  return contract
    .validateResponse(operation, example.status, { 'content-type': 'application/json' }, body)
    .filter((violation) => violation.where === 'body' && violation.keyword !== 'required')
    .map((violation) => `${violation.instancePath} ${violation.message}`)
}

function parsed(example: SeedExample): unknown {
  return JSON.parse(example.jsonRepair === undefined ? example.documented : repairJson(example.documented))
}

describe('the documentation examples of every seed version', () => {
  it('cover the five pages', () => {
    const perSeed = new Map<string, number>()
    for (const example of examples) perSeed.set(example.seed, (perSeed.get(example.seed) ?? 0) + 1)
    expect([...perSeed.keys()].sort()).toEqual(['runners-api-gitlab-11.md', 'runners-api-gitlab-15.md', 'runners-api-gitlab-16.md', 'runners-api-gitlab-17.txt', 'runners-api-gitlab-18-ja.md'])
    for (const count of perSeed.values()) expect(count).toBeGreaterThanOrEqual(8)
  })

  it.each(examples.map((example) => [`${example.seed} ${example.request} as GitLab ${example.release}`, example] as const))('%s', (_name, example) => {
    const body = parsed(example)
    for (const { pointer, value } of example.contentRepairs ?? []) setAt(body, pointer, value)
    expect(violations(example, body)).toEqual([])
  })

  it('repair only what is broken: the JSON repairs are needed, and each content repair is one the release rejects', () => {
    for (const example of examples) {
      if (example.jsonRepair === undefined) expect(() => JSON.parse(example.documented)).not.toThrow()
      else expect(() => JSON.parse(example.documented), example.request).toThrow()
      const repairs = example.contentRepairs ?? []
      if (repairs.length === 0) continue
      const rejected = violations(example, parsed(example)).map((violation) => violation.split(' ')[0])
      expect(rejected, `${example.seed} ${example.request}`).toEqual(repairs.map((repair) => repair.pointer))
    }
  })

  it('tell the releases apart: the 11.x page details carry the token 13.0 removed', () => {
    const details = examples.find((example) => example.seed === 'runners-api-gitlab-11.md' && example.operationId === 'getRunner')!
    expect(Object.keys(parsed(details) as object)).toContain('token')
    expect(violations({ ...details, release: '13.0' }, parsed(details))).toEqual(["/token property 'token' is not in the contract"])
  })
})
