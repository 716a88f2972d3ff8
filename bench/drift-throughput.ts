// How many recorded responses the drift checker validates per second: the `validate` path (check + classify),
// over typical traffic: pages of 20 runners, runner details and error bodies. Called by the benchmark runner.
import { loadContract } from '../src/contract/index.js'
import { checkExchange } from '../src/drift/check.js'
import type { Exchange } from '../src/drift/exchange.js'

export interface DriftThroughput {
  validated: number
  seconds: number
  perSecond: number
}

const runner = (id: number) => ({
  id,
  description: `runner-${id}`,
  ip_address: null,
  active: true,
  paused: false,
  is_shared: false,
  runner_type: 'project_type',
  name: 'gitlab-runner',
  online: true,
  created_at: '2025-05-01T10:00:00.000Z',
  status: 'online',
  job_execution_status: 'idle',
})

const page: Exchange = {
  request: { method: 'GET', url: 'https://gitlab.example.com/api/v4/runners/all?page=2&per_page=20', headers: {} },
  response: {
    status: 200,
    headers: { 'content-type': 'application/json', 'x-per-page': '20', 'x-page': '2', 'x-next-page': '3', 'x-prev-page': '1', 'x-total': '100', 'x-total-pages': '5', link: '<https://gitlab.example.com/api/v4/runners/all?page=1&per_page=20>; rel="prev"' },
    body: Array.from({ length: 20 }, (_, index) => runner(index + 21)),
  },
}

const notFound: Exchange = {
  request: { method: 'GET', url: 'https://gitlab.example.com/api/v4/runners/999', headers: {} },
  response: { status: 404, headers: { 'content-type': 'application/json' }, body: { message: '404 Runner Not Found' } },
}

export function measureDriftThroughput(exchanges = 50_000): DriftThroughput {
  const contract = loadContract()
  const traffic = [page, page, page, notFound]
  // Warm-up: ajv's compiled code gets optimised before we time it.
  for (let i = 0; i < 2_000; i++) checkExchange(contract, traffic[i % traffic.length]!, { strict: false })
  const started = performance.now()
  let findings = 0
  for (let i = 0; i < exchanges; i++) findings += checkExchange(contract, traffic[i % traffic.length]!, { strict: false }).findings.length
  const seconds = (performance.now() - started) / 1000
  if (findings > 0) throw new Error(`the benchmark traffic should be clean, found ${findings} findings`)
  return { validated: exchanges, seconds, perSecond: Math.round(exchanges / seconds) }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = measureDriftThroughput()
  process.stdout.write(`drift validate: ${result.perSecond} responses/s (${result.validated} in ${result.seconds.toFixed(2)} s)\n`)
}
