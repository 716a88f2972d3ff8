// The dashboard's shell: header pickers (session, persona), the section named by the URL's hash, and
// the clock shown in the header.
import { control, setSession, state } from './api.js'
import { h } from './dom.js'
import * as overview from './overview.js'
import * as runners from './runners.js'
import * as clock from './clock.js'
import * as faults from './faults.js'
import * as journal from './journal.js'
import * as scenario from './scenario.js'

const sections = { overview, runners, clock, faults, journal, scenario }
const view = document.getElementById('view')
let leave = () => {}

export async function refreshHeader() {
  const [sessions, personas, time] = await Promise.all([control('GET', '/sessions'), control('GET', '/personas'), control('GET', '/clock')])
  state.personas = personas.personas
  const sessionPicker = document.getElementById('session-picker')
  const ids = sessions.sessions.map((s) => s.id)
  if (state.session && !ids.includes(state.session)) ids.push(state.session)
  sessionPicker.replaceChildren(
    h('option', { value: '' }, 'main'),
    ...ids.map((id) => h('option', { value: id }, id)),
    h('option', { value: '\u0000new' }, 'new session…'),
  )
  sessionPicker.value = state.session
  const personaPicker = document.getElementById('persona-picker')
  personaPicker.replaceChildren(...state.personas.map((p) => h('option', { value: p.role }, `${p.role} (${p.username})`)))
  if (!state.personas.some((p) => p.role === state.actAs)) state.actAs = state.personas[0]?.role ?? ''
  personaPicker.value = state.actAs
  showClock(time)
}

export function showClock(time) {
  const at = new Date(time.now)
  document.getElementById('clock-badge').textContent =
    `Mock clock ${at.toISOString().replace('T', ' ').slice(0, 19)} UTC${time.frozen ? ' (frozen)' : ''}`
}

async function show() {
  const name = window.location.hash.slice(1) || 'overview'
  const section = sections[name] ?? overview
  leave()
  leave = () => {}
  for (const link of document.querySelectorAll('nav.tabs a')) {
    if (link.getAttribute('href') === `#${name}`) link.setAttribute('aria-current', 'page')
    else link.removeAttribute('aria-current')
  }
  view.replaceChildren()
  view.dataset.section = name
  document.title = `${name[0].toUpperCase()}${name.slice(1)} · gitlab-runners-mock`
  leave = (await section.render(view, { refreshHeader, showClock })) ?? (() => {})
  view.dataset.ready = name
}

document.getElementById('session-picker').addEventListener('change', async (event) => {
  let id = event.target.value
  if (id === '\u0000new') {
    id = window.prompt('Session id (any printable text, e.g. a test name):')?.trim() ?? ''
    if (!id) {
      event.target.value = state.session
      return
    }
  }
  setSession(id)
  await refreshHeader()
  await show()
})
document.getElementById('persona-picker').addEventListener('change', (event) => {
  state.actAs = event.target.value
})
document.getElementById('detail-close').addEventListener('click', () => document.getElementById('detail-dialog').close())
window.addEventListener('hashchange', show)

await refreshHeader()
await show()
