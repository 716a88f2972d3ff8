// The dashboard (/__mock/) and the API reference (/api/v4/docs/) in a real headless Chromium against a
// real mock: every page loads cleanly and passes axe, and the dashboard's controls do what they say
// through the public APIs. Each test that changes state works in its own session.
import { request } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { ManualClock, startMock, type RunningMock } from '../../src/index.js'
import { loadContract } from '../../src/contract/index.js'
import { launchBrowser, openPage, SCREENSHOTS, seriousAxeViolations, type AxeViolation } from './browser.js'

const ADMIN = 'glpat-admin-0000000000000'
const OUTSIDER = 'glpat-outsider-0000000000'
// shared-docker-amd64 in the default scenario: contacted 2 minutes before the mock's start.
const ONLINE_RUNNER = 10
const SECTIONS = ['overview', 'runners', 'clock', 'faults', 'journal', 'scenario'] as const

let browser: Browser
let mock: RunningMock
const visits: Array<{ name: string; problems: string[]; violations: AxeViolation[] }> = []

beforeAll(async () => {
  ;[browser, mock] = await Promise.all([
    launchBrowser(),
    startMock({ clock: new ManualClock(Date.UTC(2025, 5, 2, 12, 0, 0)), selfCheck: 'strict', log: () => {} }),
  ])
  // Every page once, on a session nobody changes: problems, accessibility, a screenshot.
  for (const section of SECTIONS) {
    await visit(`dashboard-${section}`, `${mock.origin}/__mock/#${section}`, (page) => readySection(page, section))
  }
  await visit('reference-gitlab', `${mock.origin}/api/v4/docs/`, (page) => page.locator('.opblock').first().waitFor())
  await visit('reference-control', `${mock.origin}/api/v4/docs/?document=control`, (page) => page.locator('.opblock').first().waitFor())
})

afterAll(async () => {
  await browser?.close()
  await mock?.close()
})

async function visit(name: string, url: string, ready: (page: Page) => Promise<unknown>): Promise<void> {
  const { page, problems } = await openPage(browser, { session: 'page-visits' })
  await page.goto(url)
  await ready(page)
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true })
  const violations = await seriousAxeViolations(page)
  visits.push({ name, problems: [...problems], violations })
  await page.context().close()
}

function readySection(page: Page, section: string) {
  return page.waitForSelector(`main[data-ready="${section}"]`)
}

function badgeOf(page: Page, runner: number) {
  return page.locator(`tr[data-runner="${runner}"] .badge`)
}

describe('every page', () => {
  it('loads with zero console errors and zero failed requests', () => {
    expect(visits.map((v) => v.name)).toHaveLength(SECTIONS.length + 2)
    expect(visits.filter((v) => v.problems.length > 0).map((v) => [v.name, v.problems])).toEqual([])
  })

  it('has no serious or critical accessibility violations (axe-core)', () => {
    expect(visits.filter((v) => v.violations.length > 0).map((v) => [v.name, v.violations])).toEqual([])
  })
})

describe('dashboard', () => {
  it('turns an online runner\'s badge offline when the clock advances 3 hours', async () => {
    const { page } = await openPage(browser, { session: 'clock' })
    await page.goto(`${mock.origin}/__mock/#runners`)
    await expect.poll(() => badgeOf(page, ONLINE_RUNNER).getAttribute('data-status')).toBe('online')
    await page.goto(`${mock.origin}/__mock/#clock`)
    await readySection(page, 'clock')
    await page.fill('#advance-by', '3h')
    await page.click('#advance-form button')
    await page.locator('#toast', { hasText: 'Advanced 3h' }).waitFor()
    await page.click('nav a[href="#runners"]')
    await expect.poll(() => badgeOf(page, ONLINE_RUNNER).getAttribute('data-status')).toBe('offline')
    await page.context().close()
  })

  it('shows a request made with fetch in the live journal within 2 seconds', async () => {
    const { page } = await openPage(browser, { session: 'journal' })
    await page.goto(`${mock.origin}/__mock/#journal`)
    await readySection(page, 'journal')
    await page.locator('#journal-live', { hasText: 'live' }).waitFor()
    const response = await fetch(`${mock.url}/runners/${ONLINE_RUNNER}?per_page=1`, { headers: { 'PRIVATE-TOKEN': ADMIN, 'X-Mock-Session': 'journal' } })
    expect(response.status).toBe(200)
    const row = page.locator('table.journal tbody tr', { hasText: `/api/v4/runners/${ONLINE_RUNNER}?per_page=1` })
    await row.waitFor({ timeout: 2000 })
    expect(await row.textContent()).toContain('getRunner')
    expect(await row.textContent()).toContain('root')
    // A row opens the redacted request and response.
    await row.locator('button').click()
    await expect.poll(() => page.locator('#detail-body').textContent()).toContain('[REDACTED]')
    await page.context().close()
  })

  it('shows a cross-site write the mock refused in the main journal, marked as refused', async () => {
    const { page } = await openPage(browser)
    await page.goto(`${mock.origin}/__mock/#journal`)
    await readySection(page, 'journal')
    await page.locator('#journal-live', { hasText: 'live' }).waitFor()
    // What a page on another site would send; node:http, because fetch keeps Origin for itself.
    const status = await new Promise<number>((resolve, reject) => {
      const sent = request(`${mock.url}/runners/${ONLINE_RUNNER}?refused=1`, { method: 'DELETE', headers: { Origin: 'https://evil.example', 'PRIVATE-TOKEN': ADMIN } }, (res) => {
        res.resume()
        resolve(res.statusCode ?? 0)
      })
      sent.on('error', reject).end()
    })
    expect(status).toBe(403)
    const row = page.locator('table.journal tbody tr', { hasText: `/api/v4/runners/${ONLINE_RUNNER}?refused=1` })
    await row.waitFor({ timeout: 2000 })
    expect(await row.textContent()).toContain('refused: site_refused')
    await page.context().close()
  })

  it('adds a fault that makes the next API call fail with its status, and removes it', async () => {
    const { page } = await openPage(browser, { session: 'faults' })
    const call = () => fetch(`${mock.url}/runners/${ONLINE_RUNNER}`, { headers: { 'PRIVATE-TOKEN': ADMIN, 'X-Mock-Session': 'faults' } })
    await page.goto(`${mock.origin}/__mock/#faults`)
    await readySection(page, 'faults')
    await page.selectOption('#fault-form select[name="operationId"]', 'getRunner')
    await page.fill('#fault-form input[name="status"]', '503')
    await page.click('#fault-form button')
    await page.locator('#fault-list tr[data-fault]').waitFor()
    expect((await call()).status).toBe(503)
    await page.click('#fault-list tr[data-fault] button')
    await page.locator('#no-faults').waitFor()
    expect((await call()).status).toBe(200)
    await page.context().close()
  })

  it('shows GitLab\'s 403 when an outsider pauses a runner', async () => {
    const { page } = await openPage(browser, { session: 'outsider' })
    await page.goto(`${mock.origin}/__mock/#runners`)
    await readySection(page, 'runners')
    await page.selectOption('#persona-picker', 'outsider')
    await page.click(`tr[data-runner="${ONLINE_RUNNER}"] button`)
    await page.click('#pause-toggle')
    // What GitLab (and so the mock) answers an outsider, asked directly on a session of its own.
    const direct = await fetch(`${mock.url}/runners/${ONLINE_RUNNER}`, {
      method: 'PUT',
      headers: { 'PRIVATE-TOKEN': OUTSIDER, 'X-Mock-Session': 'outsider-direct', 'Content-Type': 'application/json' },
      body: JSON.stringify({ paused: true }),
    })
    expect(direct.status).toBe(403)
    const message = ((await direct.json()) as { message: string }).message
    const outcome = page.locator('#action-outcome')
    await outcome.locator('.error').waitFor()
    expect(await outcome.textContent()).toContain('403')
    expect(await outcome.textContent()).toContain(message)
    await page.context().close()
  })
})

describe('dashboard on a mock with a control token', () => {
  it('asks for the token once, then shows the overview', async () => {
    const guarded = await startMock({ controlToken: 'dashboard-secret', log: () => {} })
    try {
      const { page } = await openPage(browser)
      await page.goto(`${guarded.origin}/__mock/`)
      await page.locator('#token-dialog[open]').waitFor()
      await page.fill('#token-input', 'dashboard-secret')
      await page.click('#token-dialog button[value="ok"]')
      await readySection(page, 'overview')
      expect(await page.locator('#status-counts').textContent()).toContain('online')
      await page.context().close()
    } finally {
      await guarded.close()
    }
  })
})

describe('API reference', () => {
  it('lists every operation of the contract, and "try it" calls the mock as the persona picked', async () => {
    const operations = [...loadContract().operations.keys()]
    const { page } = await openPage(browser, { session: 'reference' })
    await page.goto(`${mock.origin}/api/v4/docs/`)
    await page.locator('.opblock').first().waitFor()
    const shown = await page.locator('.opblock .opblock-summary-operation-id').allTextContents()
    expect(shown.sort()).toEqual(operations.sort())
    expect(operations.length).toBeGreaterThanOrEqual(21)

    const getRunner = page.locator('.opblock', { has: page.locator('.opblock-summary-operation-id', { hasText: /^getRunner$/ }) })
    await getRunner.locator('.opblock-summary').click()
    await getRunner.locator('input[placeholder="id"]').fill(String(ONLINE_RUNNER))
    await getRunner.locator('button.execute').click()
    const status = getRunner.locator('.live-responses-table tr.response .response-col_status').first()
    await status.waitFor()
    expect((await status.textContent())?.trim()).toBe('200')
    expect(await getRunner.locator('.live-responses-table tr.response .response-col_description').first().textContent()).toContain('"id": 10')
    await page.context().close()
  })

  it('shows the contract as an older release answers it when that release is picked', async () => {
    const contract = loadContract()
    const old = [...contract.forRelease('11.0').operations.keys()]
    expect(old.length).toBeLessThan(contract.operations.size)
    const { page } = await openPage(browser, { session: 'reference' })
    await page.goto(`${mock.origin}/api/v4/docs/`)
    await page.locator('.opblock').first().waitFor()
    await page.selectOption('#release-picker', '11.0')
    await page.locator('body[data-release="11.0"]').waitFor()
    await expect.poll(async () => (await page.locator('.opblock .opblock-summary-operation-id').allTextContents()).sort()).toEqual(old.sort())
    await page.context().close()
  })
})
