// The pages a browser opens are served from the package: GET /__mock redirects browsers (only) to the
// dashboard, the reference's Swagger UI files come from swagger-ui-dist, and nothing else leaks out.
import { describe, expect, it } from 'vitest'
import { startTestMock } from '../helpers/start-mock.js'

const mock = await startTestMock()
const get = (path: string, headers: Record<string, string> = {}) => fetch(`${mock.origin}${path}`, { headers, redirect: 'manual' })

describe('pages', () => {
  it('redirects a browser asking for /__mock to the dashboard, and leaves API clients alone', async () => {
    const browser = await get('/__mock', { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' })
    expect([browser.status, browser.headers.get('location')]).toEqual([302, '/__mock/'])
    expect((await get('/__mock', { Accept: 'application/json' })).status).not.toBe(302)
  })

  it('serves the dashboard and its modules', async () => {
    const page = await get('/__mock/')
    expect([page.status, page.headers.get('content-type')]).toEqual([200, 'text/html; charset=utf-8'])
    expect(await page.text()).toContain('<script type="module" src="ui/main.js">')
    const module = await get('/__mock/ui/main.js')
    expect([module.status, module.headers.get('content-type')]).toEqual([200, 'text/javascript; charset=utf-8'])
    expect((await get('/__mock/ui/nothing.js')).status).toBe(404)
  })

  it('serves the reference with Swagger UI from the package', async () => {
    expect((await get('/api/v4/docs')).headers.get('location')).toBe('/api/v4/docs/')
    expect((await get('/api/v4/docs/')).status).toBe(200)
    const bundle = await get('/api/v4/docs/swagger/swagger-ui-bundle.js', { 'Accept-Encoding': 'gzip' })
    expect([bundle.status, bundle.headers.get('content-encoding'), bundle.headers.get('content-type')]).toEqual([200, 'gzip', 'text/javascript; charset=utf-8'])
    expect(await bundle.text()).toContain('SwaggerUIBundle')
    expect((await get('/api/v4/docs/swagger/package.json')).status).toBe(404)
  })

  it('offers the contract as each release answers it, and names a release it cannot read', async () => {
    const { served, releases } = (await (await get('/api/v4/docs/releases')).json()) as { served: string; releases: string[] }
    expect(releases[0]).toBe(served)
    expect(releases).toContain('11.0')
    const old = (await (await get('/api/v4/docs/releases/11.0')).json()) as { paths: Record<string, unknown> }
    const newest = (await (await get('/api/v4/openapi.json')).json()) as { paths: Record<string, unknown> }
    expect(Object.keys(old.paths).length).toBeLessThan(Object.keys(newest.paths).length)
    const junk = await get('/api/v4/docs/releases/banana')
    expect(junk.status).toBe(400)
    expect(((await junk.json()) as { message: string }).message).toMatch(/^400 Bad request - .*banana/)
  })

  it('refuses to be framed, so a hostile page cannot trick a click on the dashboard (clickjacking)', async () => {
    for (const path of ['/__mock/', '/api/v4/docs/']) {
      const page = await get(path)
      expect([path, page.headers.get('x-frame-options'), page.headers.get('content-security-policy')]).toEqual([path, 'DENY', "frame-ancestors 'none'"])
      expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    }
  })

  it('keeps page loads out of the journal', async () => {
    mock.clearJournal()
    await get('/api/v4/docs/')
    expect(mock.journal()).toEqual([])
  })
})
