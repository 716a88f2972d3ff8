// A client for the control API in tests: one call, the status and the parsed body back.
import type { RunningMock } from '../../src/index.js'

export interface ControlCall {
  body?: unknown
  session?: string
  controlToken?: string
}

export interface ControlResponse {
  status: number
  body: unknown
}

export async function control(mock: Pick<RunningMock, 'origin'>, method: string, path: string, call: ControlCall = {}): Promise<ControlResponse> {
  const headers: Record<string, string> = {}
  if (call.session !== undefined) headers['X-Mock-Session'] = call.session
  if (call.controlToken !== undefined) headers['X-Mock-Control-Token'] = call.controlToken
  if (call.body !== undefined) headers['Content-Type'] = 'application/json'
  const response = await fetch(`${mock.origin}/__mock${path}`, {
    method,
    headers,
    body: call.body === undefined ? undefined : JSON.stringify(call.body),
  })
  const text = await response.text()
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) }
}
