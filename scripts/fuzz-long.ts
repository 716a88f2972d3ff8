// `npm run fuzz:long`: the fuzz test's generator for 100,000 requests (or argv[2]) against one mock in
// this process, then the figures: requests, 5xx, resets, 4xx without a JSON body, secrets echoed,
// refusals that changed the state, cross-site or foreign-Host requests let through, max RSS (mock
// and fuzzer together). Exit 1 when any count is non-zero. Arguments: [requests] [seed] [GitLab
// version the mock answers as, e.g. 14.10; the newest when absent].
import { loadContract } from '../src/contract/index.js'
import { ManualClock, startMock } from '../src/index.js'
import { fuzzRequests, secretsOf } from '../test/fuzz/requests.js'
import { emptyTally, fuzzTarget, runFuzz } from '../test/fuzz/run.js'

const total = wholeNumber('requests', process.argv[2] ?? '100000')
const seed = wholeNumber('seed', process.argv[3] ?? '1')
const gitlabVersion = process.argv[4]
const mock = await startMock({ clock: new ManualClock(Date.UTC(2025, 5, 2, 12)), selfCheck: 'strict', log: () => {}, gitlabVersion }).catch((error: unknown) => {
  // A version the profiles do not know, most likely: the message names the supported range.
  process.stderr.write(`fuzz:long: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(2)
})
const secrets = secretsOf(mock.exportState())
const target = fuzzTarget(mock)
const requests = fuzzRequests(loadContract(), secrets, seed, mock.port)
const started = performance.now()
const tally = emptyTally()
const STEP = 10_000
for (let done = 0; done < total; done += STEP) {
  await runFuzz(target, requests, Math.min(STEP, total - done), secrets, tally)
  const rssMb = Math.round(process.resourceUsage().maxRSS / 1024)
  process.stderr.write(`${tally.requests} requests, ${tally.serverErrors} 5xx, ${tally.resets} resets, max RSS ${rssMb} MB\n`)
}
await mock.close()
const figures = {
  seed,
  gitlabVersion: mock.gitlabVersion,
  requests: tally.requests,
  serverErrors: tally.serverErrors,
  resets: tally.resets,
  nonJson4xx: tally.nonJson4xx,
  secretsEchoed: tally.secretsEchoed,
  stateChangedByRefusal: tally.stateChangedByRefusal,
  notRefused: tally.notRefused,
  maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  seconds: Math.round((performance.now() - started) / 1000),
  byStatus: tally.byStatus,
  problems: tally.problems,
}
process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`)
const broken = tally.serverErrors + tally.resets + tally.nonJson4xx + tally.secretsEchoed + tally.stateChangedByRefusal + tally.notRefused
process.exit(broken === 0 ? 0 : 1)

/** A count or seed from the command line: a whole number (≥ 1 for requests), else a message and exit 2. A NaN ran nothing and reported no problems. */
function wholeNumber(name: 'requests' | 'seed', text: string): number {
  const value = Number(text)
  if (Number.isSafeInteger(value) && value >= (name === 'requests' ? 1 : 0)) return value
  process.stderr.write(`fuzz:long: ${name} must be a whole number${name === 'requests' ? ' from 1' : ''}, got '${text}'. Usage: npm run fuzz:long -- [requests] [seed] [GitLab version]\n`)
  process.exit(2)
}
