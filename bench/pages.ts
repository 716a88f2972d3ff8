// `npm run bench:pages`: what the dashboard and the API reference cost a browser on first load (bytes
// transferred with a cold cache, first contentful paint, time until the page shows its data), in the
// headless Chromium the browser tests use. `--screenshot FILE` also writes the README's screenshot.
import { parseArgs } from 'node:util'
import { startMock } from '../src/index.js'
import { launchBrowser } from '../test/browser/browser.js'

const { values } = parseArgs({ options: { screenshot: { type: 'string' }, runs: { type: 'string', default: '3' } } })
const runs = Number(values.runs)

const mock = await startMock({ log: () => {} })
const browser = await launchBrowser()

interface Load {
  kilobytes: number
  requests: number
  firstPaintMs: number
  readyMs: number
}

const pages: Array<[string, string, string]> = [
  ['dashboard (overview)', `${mock.origin}/__mock/`, 'main[data-ready="overview"]'],
  ['dashboard (runners)', `${mock.origin}/__mock/#runners`, 'tr[data-runner]'],
  ['API reference', `${mock.origin}/api/v4/docs/`, '.opblock'],
]

async function measure(url: string, ready: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  let bytes = 0
  let requests = 0
  // Bytes on the wire (headers and body) per request, as Chromium's network stack counts them.
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  cdp.on('Network.loadingFinished', (event: { encodedDataLength: number }) => {
    bytes += event.encodedDataLength
    requests += 1
  })
  await page.goto(url)
  await page.waitForSelector(ready)
  const readyMs = await page.evaluate<number>('performance.now()')
  const firstPaintMs = await page.evaluate<number>(`performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN`)
  await context.close()
  return { kilobytes: bytes / 1024, requests, firstPaintMs, readyMs }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
console.log(`Pages on ${mock.origin}, cold cache, median of ${runs} loads (headless Chromium, this machine)\n`)
console.log('| page | KB transferred | requests | first contentful paint | data shown |')
console.log('| --- | ---: | ---: | ---: | ---: |')
for (const [name, url, ready] of pages) {
  const loads: Load[] = []
  for (let i = 0; i < runs; i += 1) loads.push(await measure(url, ready))
  const m = (key: keyof Load) => median(loads.map((l) => l[key]))
  console.log(`| ${name} | ${m('kilobytes').toFixed(0)} | ${m('requests')} | ${m('firstPaintMs').toFixed(0)} ms | ${m('readyMs').toFixed(0)} ms |`)
}

if (values.screenshot) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 760 } })
  await page.goto(`${mock.origin}/__mock/#runners`)
  await page.click('tr[data-runner="10"] button')
  await page.waitForSelector('#runner-detail h3')
  await page.screenshot({ path: values.screenshot })
  console.log(`\nwrote ${values.screenshot}`)
}

await browser.close()
await mock.close()
