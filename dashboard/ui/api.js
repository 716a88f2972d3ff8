// Every request the dashboard makes goes through here: the control API under /__mock and the GitLab
// API under /api/v4, on the session picked in the header, with the control token when the mock
// wants one (asked for once, kept for this tab only).
const origin = window.location.origin
const TOKEN_KEY = 'gitlab-runners-mock.control-token'
const SESSION_KEY = 'gitlab-runners-mock.session'

export const state = {
  /** '' is the main scope. */
  session: sessionStorage.getItem(SESSION_KEY) ?? '',
  /** [{ role, username, token }] of the scope. */
  personas: [],
  /** The persona (role) whose token performs runner actions. */
  actAs: 'administrator',
}

export function setSession(id) {
  state.session = id
  sessionStorage.setItem(SESSION_KEY, id)
}

export function scopeHeaders() {
  return state.session ? { 'X-Mock-Session': state.session } : {}
}

function controlHeaders() {
  const token = sessionStorage.getItem(TOKEN_KEY)
  return token ? { 'X-Mock-Control-Token': token } : {}
}

/** A parsed answer: status, headers and the JSON body (null when there is none). */
async function answer(response) {
  const text = await response.text()
  let body = null
  if (text) {
    try {
      body = JSON.parse(text)
    } catch {
      body = text
    }
  }
  return { status: response.status, ok: response.ok, headers: response.headers, body }
}

/** A control API call; a 401 asks for the control token once and tries again. */
export async function control(method, path, body) {
  const send = () =>
    fetch(`${origin}/__mock${path}`, {
      method,
      headers: { ...scopeHeaders(), ...controlHeaders(), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  let response = await send()
  if (response.status === 401 && (await askControlToken())) response = await send()
  const result = await answer(response)
  if (!result.ok) throw new ApiError(result)
  return result.body
}

/** A GitLab API call as a persona (by role); the answer is returned whatever its status. */
export async function gitlab(method, path, { as = 'administrator', query, body } = {}) {
  const persona = state.personas.find((p) => p.role === as)
  const url = new URL(`${origin}/api/v4${path}`)
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') url.searchParams.set(key, String(value))
  }
  const response = await fetch(url, {
    method,
    headers: {
      ...scopeHeaders(),
      ...(persona ? { 'PRIVATE-TOKEN': persona.token } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return answer(response)
}

export class ApiError extends Error {
  constructor(result) {
    const message = result.body?.message ?? result.body?.error ?? JSON.stringify(result.body)
    super(`${result.status} ${typeof message === 'string' ? message : JSON.stringify(message)}`)
    this.result = result
  }
}

/**
 * The open stream of journal entries of the current scope (server-sent events read with fetch, so the
 * session and control token headers go along). `onOpen` runs once the mock has accepted the stream.
 */
export function tailJournal(onEntry, onOpen, signal) {
  const run = async () => {
    const response = await fetch(`${origin}/__mock/journal/stream?limit=200`, {
      headers: { ...scopeHeaders(), ...controlHeaders(), Accept: 'text/event-stream' },
      signal,
    })
    if (response.status === 401 && (await askControlToken())) return run()
    if (!response.ok || !response.body) throw new ApiError(await answer(response))
    onOpen()
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
    let buffer = ''
    for (;;) {
      const { value, done } = await reader.read()
      if (done) return
      buffer += value
      let end
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const event = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const data = event.split('\n').filter((line) => line.startsWith('data: ')).map((line) => line.slice(6)).join('\n')
        if (data) onEntry(JSON.parse(data))
      }
    }
  }
  return run()
}

let asking
/** Shows the token dialog; resolves true when a token was entered. */
function askControlToken() {
  asking ??= new Promise((resolve) => {
    const dialog = document.getElementById('token-dialog')
    const input = document.getElementById('token-input')
    input.value = ''
    dialog.addEventListener(
      'close',
      () => {
        asking = undefined
        if (dialog.returnValue === 'ok' && input.value) {
          sessionStorage.setItem(TOKEN_KEY, input.value)
          resolve(true)
        } else resolve(false)
      },
      { once: true },
    )
    dialog.showModal()
  })
  return asking
}

/** Operations of the GitLab contract, in document order: [{ operationId, method, path, summary }]. */
let operations
export async function contractOperations() {
  if (!operations) {
    const response = await fetch(`${origin}/api/v4/openapi.json`)
    const document = await response.json()
    operations = []
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (operation && typeof operation === 'object' && operation.operationId) {
          operations.push({ operationId: operation.operationId, method: method.toUpperCase(), path, summary: operation.summary ?? '' })
        }
      }
    }
  }
  return operations
}
