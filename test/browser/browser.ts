// One headless Chromium (Debian's `chromium` package) for the browser tests, driven by playwright-core,
// and a page wrapper that records what a page must never do: log a console error, throw, or fail a request.
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { chromium, type Browser, type Page } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url))

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `the browser tests need Chromium at ${CHROMIUM} (set CHROMIUM_PATH to use another): ` +
        'install it with `apt-get update && apt-get install -y chromium` (.ci/run does this on a clean machine)',
    )
  }
  mkdirSync(SCREENSHOTS, { recursive: true })
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
}

export interface WatchedPage {
  page: Page
  /** Console errors, uncaught exceptions, failed requests and HTTP errors, as readable lines. */
  problems: string[]
}

/** A fresh page (own storage) on a session picked before any script runs. */
export async function openPage(browser: Browser, options: { session?: string } = {}): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  if (options.session) {
    // Page code, as text: the tests' TypeScript knows no DOM.
    await context.addInitScript(`sessionStorage.setItem('gitlab-runners-mock.session', ${JSON.stringify(options.session)})`)
  }
  const page = await context.newPage()
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`))
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.request().method()} ${response.url()}`)
  })
  return { page, problems }
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export interface AxeViolation {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

/** axe-core's serious and critical violations on the page as it stands. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axeSource })
  const violations = await page.evaluate<AxeViolation[]>(`
    axe.run(document, { resultTypes: ['violations'] }).then((result) =>
      result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) })))
  `)
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}
