// Overview: the scenario, the release served, the clock, the sessions, and what the world holds.
import { control, setSession, state } from './api.js'
import { badge, h } from './dom.js'

const TYPE_LABELS = { instance_type: 'instance', group_type: 'group', project_type: 'project' }

export async function render(view, { refreshHeader }) {
  const [overview, time, sessions] = await Promise.all([control('GET', '/overview'), control('GET', '/clock'), control('GET', '/sessions')])
  const { counts } = overview
  const card = (label, value, extra) => h('div', { class: 'card' }, h('div', { class: 'card-value' }, String(value)), h('div', { class: 'card-label' }, label), extra)

  view.append(
    h('h2', {}, 'Overview'),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Scope'),
      h('dd', {}, state.session ? `session “${state.session}”` : 'main state'),
      h('dt', {}, 'Scenario'),
      h('dd', {}, overview.scenario ?? 'data passed in by a program'),
      h('dt', {}, 'GitLab release'),
      h('dd', {}, overview.gitlabVersion ?? 'the newest the contract describes'),
      h('dt', {}, 'Mock clock'),
      h('dd', {}, `${time.now}${time.frozen ? ' (frozen)' : ' (running)'}, ${formatOffset(time.offsetMs)} from the real clock`),
    ),
    h('h3', {}, 'World'),
    h('div', { class: 'cards' }, card('users', counts.users), card('groups', counts.groups), card('projects', counts.projects), card('runners', counts.runners)),
    h('h3', {}, 'Runners by type'),
    h('div', { class: 'cards' }, Object.entries(counts.runnersByType).map(([type, n]) => card(TYPE_LABELS[type] ?? type, n))),
    h('h3', {}, 'Runners by status'),
    h('div', { class: 'cards', id: 'status-counts' }, Object.entries(counts.runnersByStatus).map(([status, n]) => card('', n, badge(status)))),
    h('h3', {}, 'Sessions'),
    sessions.sessions.length === 0
      ? h('p', {}, 'No sessions. Requests with an X-Mock-Session header create one; pick “new session…” above to open one here.')
      : h(
          'table',
          {},
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Session'), h('th', { scope: 'col' }, 'Created'), h('th', { scope: 'col' }, 'Last used'), h('th', { scope: 'col' }, 'Own state'), h('th', { scope: 'col' }, ''))),
          h(
            'tbody',
            {},
            sessions.sessions.map((s) =>
              h(
                'tr',
                {},
                h('td', {}, s.id),
                h('td', {}, s.createdAt),
                h('td', {}, s.lastUsedAt),
                h('td', {}, s.copied ? 'changed' : 'unchanged'),
                h('td', {}, h('button', {
                  type: 'button',
                  onclick: async () => {
                    setSession(s.id)
                    await refreshHeader()
                    window.dispatchEvent(new HashChangeEvent('hashchange'))
                  },
                }, 'Look at it')),
              ),
            ),
          ),
        ),
  )
}

function formatOffset(ms) {
  if (ms === 0) return 'no offset'
  const sign = ms < 0 ? '−' : '+'
  let rest = Math.abs(ms)
  const parts = []
  for (const [unit, size] of [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1000]]) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`)
      rest %= size
    }
  }
  return `${sign}${parts.join(' ') || `${ms}ms`}`
}
