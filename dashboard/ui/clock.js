// Clock: freeze, resume, advance by presets or a typed duration, set; the runners' status counts
// under it change at once, because they are what the API would answer now.
import { control } from './api.js'
import { attempt, badge, h } from './dom.js'

export async function render(view, { showClock }) {
  const reading = h('p', { id: 'clock-reading', class: 'clock-reading', 'aria-live': 'polite' })
  const counts = h('div', { class: 'cards', id: 'status-counts' })
  const refresh = async (time) => {
    const [clock, overview] = await Promise.all([time ? Promise.resolve(time) : control('GET', '/clock'), control('GET', '/overview')])
    reading.textContent = `${clock.now} · ${clock.frozen ? 'frozen' : 'running'}`
    showClock(clock)
    counts.replaceChildren(
      ...Object.entries(overview.counts.runnersByStatus).map(([status, n]) =>
        h('div', { class: 'card' }, h('div', { class: 'card-value', 'data-count': status }, String(n)), h('div', { class: 'card-label' }, badge(status))),
      ),
    )
  }
  const change = (path, body, done) => attempt(async () => refresh(await control('POST', path, body)), done)
  const duration = h('input', { id: 'advance-by', name: 'by', placeholder: '1h30m', pattern: '\\s*(\\d+\\s*(ms|s|m|h|d|w)\\s*)+', required: true, 'aria-describedby': 'advance-help' })
  const at = h('input', { id: 'set-to', type: 'datetime-local', step: 1, required: true })

  view.append(
    h('h2', {}, 'Clock'),
    reading,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', onclick: () => change('/clock/freeze', {}, 'Clock frozen') }, 'Freeze'),
      h('button', { type: 'button', onclick: () => change('/clock/resume', undefined, 'Clock running') }, 'Resume'),
      ['5m', '2h', '7d'].map((by) => h('button', { type: 'button', onclick: () => change('/clock/advance', { by }, `Advanced ${by}`) }, `+${by}`)),
    ),
    h(
      'form',
      { class: 'inline', id: 'advance-form', onsubmit: (e) => { e.preventDefault(); void change('/clock/advance', { by: duration.value.trim() }, `Advanced ${duration.value.trim()}`) } },
      h('label', {}, 'Advance by ', duration),
      h('button', { class: 'primary' }, 'Advance'),
      h('span', { id: 'advance-help', class: 'muted' }, 'e.g. 3h, 7d, 1h30m (ms, s, m, h, d, w)'),
    ),
    h(
      'form',
      { class: 'inline', onsubmit: (e) => { e.preventDefault(); void change('/clock/set', { to: new Date(`${at.value}Z`).toISOString() }, 'Clock set') } },
      h('label', {}, 'Set to (UTC) ', at),
      h('button', {}, 'Set'),
    ),
    h('h3', {}, 'Runners by status, now'),
    counts,
  )
  await refresh()
}
