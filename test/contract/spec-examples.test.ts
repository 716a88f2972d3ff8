// Proves every example in openapi/gitlab-runners.yaml is a body GitLab's contract accepts: each
// example is validated against its own schema with ajv's 2020-12 dialect in strict mode.
import { describe, expect, it } from 'vitest'
import { collectExamples, createAjv, exampleErrors, isObject, readSpec, responseMediaTypes, type ExampleSite, type Json } from '../helpers/contract-examples.js'

const document = readSpec()
const ajv = createAjv(document)
const sites = collectExamples(document)

describe('examples in the contract', () => {
  it('finds the examples of responses, request schemas, parameters and headers', () => {
    const kinds = new Set(sites.map(({ at }) => at.split('/')[1]))
    expect([...kinds].sort()).toEqual(['components', 'paths'])
    expect(sites.length).toBeGreaterThan(150)
  })

  it.each(sites.map((site) => [site.at, site] as const))('%s matches its schema', (_at, site) => {
    expect(exampleErrors(ajv, site)).toEqual([])
  })

  it('gives every response body GitLab sends at least one example', () => {
    const withoutExample = responseMediaTypes(document)
      .filter(({ mediaType }) => !('example' in mediaType) && !(isObject(mediaType['examples']) && Object.keys(mediaType['examples']).length > 0))
      .map(({ at }) => at)
    expect(withoutExample).toEqual([])
  })
})

describe('the example check itself', () => {
  const siteAt = (at: string): ExampleSite => {
    const site = sites.find((candidate) => candidate.at === at)
    if (site === undefined) throw new Error(`no example at ${at}`)
    return site
  }
  const projectRunner = siteAt('#/paths/~1runners~1{id}/get/responses/200/content/application~1json/examples/projectRunner')
  const managers = siteAt('#/paths/~1runners~1{id}~1managers/get/responses/200/content/application~1json/examples/managers')

  it('passes the real examples of runner details and managers', () => {
    expect([exampleErrors(ajv, projectRunner), exampleErrors(ajv, managers)]).toEqual([[], []])
  })

  it("rejects runner details still carrying the token GitLab removed in 13.0", () => {
    const value = { ...(projectRunner.value as Json), token: '6337ff461c94fd3fa32ba3b1ff4125' }
    expect(exampleErrors(ajv, { ...projectRunner, value })).toEqual(['/ additionalProperties {"additionalProperty":"token"}'])
  })

  it("rejects runner details with the docs' empty-string online for a never-contacted runner", () => {
    const value = { ...(projectRunner.value as Json), online: '' }
    expect(exampleErrors(ajv, { ...projectRunner, value })).toEqual(['/online type {"type":["boolean","null"]}'])
  })

  it("rejects the docs' managers example, which lacks job_execution_status", () => {
    const [first, second] = managers.value as Json[]
    const withoutStatus = Object.fromEntries(Object.entries(first ?? {}).filter(([key]) => key !== 'job_execution_status'))
    expect(exampleErrors(ajv, { ...managers, value: [withoutStatus, second] })).toEqual([
      '/0 required {"missingProperty":"job_execution_status"}',
    ])
  })

  it('refuses a version fact that is not MAJOR.MINOR', () => {
    expect(() => ajv.compile({ type: 'string', 'x-gitlab-introduced': '14' })).toThrow(
      'keyword "x-gitlab-introduced" value is invalid at path "#": data must match pattern "^[0-9]+\\.[0-9]+$"',
    )
  })

  it('refuses a misspelt x-gitlab keyword', () => {
    expect(() => ajv.compile({ type: 'string', 'x-gitlab-introducd': '14.8' })).toThrow('unknown keyword: "x-gitlab-introducd"')
  })
})
