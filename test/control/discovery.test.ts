// Health and discovery: GET /__mock/health for anything that waits on the mock, GET /__mock for the
// control API's index, GET /__mock/openapi.json for its document. None needs the control token.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { startTestMock } from '../helpers/start-mock.js'
import { control } from './control-client.js'

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
const mock = await startTestMock()
const guarded = await startTestMock({ controlToken: 'sesame' })

describe('GET /__mock/health', () => {
  it('answers 200 with the version, scenario, GitLab release, uptime and sessions', async () => {
    const { status, body } = await control(mock, 'GET', '/health')
    expect(status).toBe(200)
    expect(body).toMatchObject({ status: 'ok', version, scenario: 'default', sessions: 0 })
    expect((body as { gitlabVersion: string }).gitlabVersion).toMatch(/^\d+\.\d+$/)
  })

  it('reports the scenario last loaded into the main scope', async () => {
    expect((await control(mock, 'POST', '/scenario', { body: { name: 'empty' } })).status).toBe(204)
    expect(((await control(mock, 'GET', '/health')).body as { scenario: string }).scenario).toBe('empty')
    mock.load('default')
    expect(((await control(mock, 'GET', '/health')).body as { scenario: string }).scenario).toBe('default')
  })

  it('needs no control token, while the other controls still do', async () => {
    expect((await control(guarded, 'GET', '/health')).status).toBe(200)
    expect((await control(guarded, 'GET', '/journal')).status).toBe(401)
  })
})

describe('GET /__mock', () => {
  it('answers a non-HTML client with the index of the control API', async () => {
    const response = await fetch(`${mock.origin}/__mock`, { headers: { Accept: 'application/json' } })
    expect(response.status).toBe(200)
    const index = (await response.json()) as { health: string; openapi: string; operations: Array<{ operationId: string; method: string; path: string }> }
    expect(index).toMatchObject({ health: '/__mock/health', openapi: '/__mock/openapi.json', api: '/api/v4' })
    expect(index.operations).toContainEqual(expect.objectContaining({ operationId: 'resetScope', method: 'POST', path: '/__mock/reset' }))
    expect(index.operations).toContainEqual(expect.objectContaining({ operationId: 'getHealth', method: 'GET', path: '/__mock/health' }))
  })
})

describe('GET /__mock/openapi.json', () => {
  it('serves openapi/control.yaml as JSON', async () => {
    const { status, body } = await control(guarded, 'GET', '/openapi.json')
    expect(status).toBe(200)
    const written = parse(readFileSync(new URL('../../openapi/control.yaml', import.meta.url), 'utf8')) as { info: unknown; paths: object }
    expect((body as { info: unknown }).info).toEqual(written.info)
    expect(Object.keys((body as { paths: object }).paths)).toEqual(Object.keys(written.paths))
  })
})
