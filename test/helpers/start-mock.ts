// Starts the real mock on 127.0.0.1:0 for behaviour tests: strict self-check, a frozen clock, and a
// client whose every response must also pass Prism's validator (an independent second opinion).
import { afterAll, expect } from 'vitest'
import { loadContract } from '../../src/contract/index.js'
import { prismViolations } from '../../src/contract/prism.js'
import { ManualClock, startMock, type RunningMock, type StartMockOptions } from '../../src/index.js'

/** 2025-06-02T12:00:00.000Z: the "now" every behaviour test starts from. */
export const NOW = Date.UTC(2025, 5, 2, 12, 0, 0)

export interface TestMock extends Omit<RunningMock, 'clock'> {
  clock: ManualClock
  logs: string[]
  /** fetch against the API with a token; checks the exchange with Prism. */
  call(method: string, path: string, options?: CallOptions): Promise<ApiResponse>
}

export interface CallOptions {
  token?: string
  /** Sent as JSON unless `form` or `multipart` says otherwise. */
  body?: Record<string, unknown>
  form?: Record<string, string>
  multipart?: Record<string, string>
  headers?: Record<string, string>
}

export interface ApiResponse {
  status: number
  headers: Headers
  body: unknown
}

const contract = loadContract()

export async function startTestMock(options: StartMockOptions = {}): Promise<TestMock> {
  const clock = new ManualClock(NOW)
  const logs: string[] = []
  const mock = await startMock({ clock, selfCheck: 'strict', log: (line) => logs.push(line), ...options })
  // Prism judges against the document of the release the mock answers as.
  const judge = options.gitlabVersion === undefined ? contract : contract.forRelease(options.gitlabVersion)
  const testMock: TestMock = Object.assign(Object.create(mock) as RunningMock, {
    clock,
    logs,
    async call(method: string, path: string, callOptions: CallOptions = {}) {
      const response = await send(mock.url, method, path, callOptions)
      const problems = await prismViolations(judge, {
        method,
        path: `/api/v4${path.split('?')[0]}`,
        status: response.status,
        headers: Object.fromEntries(response.headers.entries()),
        body: response.body,
      })
      expect(problems, `Prism on ${method} ${path} → ${response.status}`).toEqual([])
      return response
    },
  })
  afterAll(async () => {
    await mock.close()
    expect(mock.selfCheckFailures).toEqual([])
  })
  return testMock
}

export async function send(baseUrl: string, method: string, path: string, options: CallOptions = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...options.headers }
  if (options.token) headers['PRIVATE-TOKEN'] = options.token
  let body: RequestInit['body']
  if (options.form) body = new URLSearchParams(options.form)
  else if (options.multipart) {
    const form = new FormData()
    for (const [key, value] of Object.entries(options.multipart)) form.append(key, value)
    body = form
  } else if (options.body) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body })
  const text = await response.text()
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : (JSON.parse(text) as unknown) }
}
