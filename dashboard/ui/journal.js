// Journal: a live tail of the scope's GitLab API requests (server-sent events), newest on top. A row
// opens the redacted request and response.
import { control, state, tailJournal } from './api.js'
import { attempt, h, pretty, showDetail, statusCode } from './dom.js'

const KEPT_ROWS = 500

export async function render(view) {
  const body = h('tbody', {})
  const live = h('span', { id: 'journal-live', class: 'muted' }, 'connecting…')
  // The user, and the persona role when the user is one of the scope's personas.
  const personaOf = (entry) => {
    if (!entry.username) return h('span', { class: 'muted' }, 'none')
    const persona = state.personas.find((p) => p.username === entry.username)
    return persona ? `${entry.username} (${persona.role})` : entry.username
  }
  const add = (entry) => {
    const row = h(
      'tr',
      { 'data-seq': entry.seq, class: entry.findings.length > 0 ? 'finding' : entry.fault ? 'faulted' : undefined },
      h('td', {}, entry.at.slice(11, 23)),
      h('td', {}, entry.method),
      h('td', { class: 'path' }, h('button', { type: 'button', class: 'link', onclick: () => open(entry) }, entry.path)),
      h('td', {}, statusCode(entry.status)),
      h('td', { class: 'num' }, `${entry.durationMs} ms`),
      h('td', {}, entry.operationId ?? h('span', { class: 'muted' }, entry.refused ? 'refused' : 'unknown route')),
      h('td', {}, personaOf(entry)),
      h('td', {}, entry.headers['x-mock-session'] ?? 'main'),
      h('td', {}, entry.refused ? h('span', { class: 'tag' }, `refused: ${entry.refused}`) : '', entry.fault ? h('span', { class: 'tag' }, `fault ${entry.fault}`) : '', entry.findings.length > 0 ? h('span', { class: 'tag tag-finding' }, `${entry.findings.length} contract finding${entry.findings.length > 1 ? 's' : ''}`) : ''),
    )
    body.prepend(row)
    while (body.rows.length > KEPT_ROWS) body.lastElementChild.remove()
  }
  const stop = new AbortController()
  view.append(
    h('h2', {}, 'Journal'),
    h('div', { class: 'actions' }, live, h('button', { type: 'button', onclick: () => attempt(async () => { await control('DELETE', '/journal'); body.replaceChildren() }, 'Journal cleared') }, 'Clear')),
    h(
      'table',
      { class: 'journal' },
      h('caption', { class: 'visually-hidden' }, 'Requests, newest first'),
      h('thead', {}, h('tr', {}, ['Time', 'Method', 'Path', 'Status', 'Duration', 'Operation', 'User', 'Session', 'Notes'].map((t) => h('th', { scope: 'col' }, t)))),
      body,
    ),
  )
  const opened = () => (live.textContent = `live${state.session ? ` (session ${state.session})` : ''}`)
  tailJournal(add, opened, stop.signal).then(
    () => (live.textContent = 'stream ended'),
    (error) => {
      if (!stop.signal.aborted) live.textContent = `stream failed: ${error.message}`
    },
  )
  return () => stop.abort()
}

function open(entry) {
  showDetail(
    `${entry.method} ${entry.path} → ${entry.status}`,
    h('p', {}, `${entry.at} · ${entry.durationMs} ms · ${entry.operationId ?? (entry.refused ? `refused (${entry.refused})` : 'unknown route')}${entry.fault ? ` · fault ${entry.fault}` : ''}`),
    entry.findings.length > 0 ? h('div', { class: 'error' }, h('h3', {}, 'Contract findings'), h('ul', {}, entry.findings.map((f) => h('li', {}, f)))) : '',
    h('h3', {}, 'Request headers'),
    pretty(entry.headers),
    h('h3', {}, 'Request body'),
    pretty(entry.body),
    h('h3', {}, 'Response headers'),
    pretty(entry.response.headers),
    h('h3', {}, 'Response body'),
    pretty(entry.response.body),
  )
}
