// One load run with autocannon, and the statistics we report: req/s, exact p50/p99, errors, unexpected statuses.
import autocannon from 'autocannon'
import type { RequestShape } from './workloads.js'

export interface LoadOptions {
  durationS: number
  connections: number
  /** The status every answer should have; anything else counts as unexpected. */
  expectedStatus: number
}

export interface LoadResult {
  rps: number
  p50Ms: number
  p99Ms: number
  /** Socket errors and timeouts. */
  errors: number
  /** Answers whose status was not `expectedStatus` (non-2xx for a 200 workload). */
  unexpected: number
}

export function runLoad(origin: string, shape: RequestShape, options: LoadOptions): Promise<LoadResult> {
  // autocannon's histogram keeps whole milliseconds; loopback answers take less, so we keep each response time ourselves.
  const times: number[] = []
  let unexpected = 0
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${origin}${shape.path}`,
        method: shape.method,
        headers: shape.headers,
        ...(shape.body === undefined ? {} : { body: shape.body }),
        connections: options.connections,
        duration: options.durationS,
      },
      (error: unknown, result) => {
        if (error) {
          reject(error instanceof Error ? error : new Error(String(error)))
          return
        }
        const sorted = Float64Array.from(times).sort()
        resolve({
          rps: times.length / options.durationS,
          p50Ms: percentile(sorted, 0.5),
          p99Ms: percentile(sorted, 0.99),
          errors: result.errors + result.timeouts,
          unexpected,
        })
      },
    )
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      times.push(responseTime)
      if (statusCode !== options.expectedStatus) unexpected += 1
    })
  })
}

/** Nearest-rank percentile of sorted values; NaN when there are none. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN
}

export function median(values: readonly number[]): number {
  const sorted = Float64Array.from(values).sort()
  const middle = Math.floor(sorted.length / 2)
  if (sorted.length === 0) return Number.NaN
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
}

/** Medians over rounds for the rates and latencies; totals for errors and unexpected statuses. */
export function summarizeRounds(results: readonly LoadResult[]): LoadResult {
  return {
    rps: median(results.map((r) => r.rps)),
    p50Ms: median(results.map((r) => r.p50Ms)),
    p99Ms: median(results.map((r) => r.p99Ms)),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    unexpected: results.reduce((sum, r) => sum + r.unexpected, 0),
  }
}
