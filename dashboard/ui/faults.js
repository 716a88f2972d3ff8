// Faults: the scope's faults in the order they are tried, a form to add one (operation picked from
// the contract, or a path), and a button to remove each.
import { contractOperations, control } from './api.js'
import { attempt, h } from './dom.js'

export async function render(view) {
  const [operations, current] = await Promise.all([contractOperations(), control('GET', '/faults')])
  const list = h('div', { id: 'fault-list' })
  const show = (faults) => {
    list.replaceChildren(
      faults.length === 0
        ? h('p', { class: 'muted', id: 'no-faults' }, 'No faults: every request is answered normally.')
        : h(
            'table',
            {},
            h('thead', {}, h('tr', {}, ['Id', 'Matches', 'Answer', 'Latency', 'Rate', 'Times', 'Hits', ''].map((t) => h('th', { scope: 'col' }, t)))),
            h(
              'tbody',
              {},
              faults.map((f) =>
                h(
                  'tr',
                  { 'data-fault': f.id },
                  h('td', {}, f.id),
                  h('td', {}, f.operationId ?? `${f.method ?? 'any'} ${f.path ?? ''}`),
                  h('td', {}, f.drop ? 'drop connection' : (f.status ?? 'normal answer')),
                  h('td', {}, f.latencyMs === undefined ? '' : typeof f.latencyMs === 'number' ? `${f.latencyMs} ms` : `${f.latencyMs.min}–${f.latencyMs.max} ms`),
                  h('td', {}, f.rate ?? 1),
                  h('td', {}, f.times ?? '∞'),
                  h('td', {}, f.hits),
                  h('td', {}, h('button', { type: 'button', class: 'danger', 'aria-label': `Remove fault ${f.id}`, onclick: () => remove(f.id) }, 'Remove')),
                ),
              ),
            ),
          ),
    )
  }
  const reload = async () => show((await control('GET', '/faults')).faults)
  const remove = (id) => attempt(async () => { await control('DELETE', `/faults/${encodeURIComponent(id)}`); await reload() }, `Fault ${id} removed`)

  const field = (label, input) => h('label', {}, label, input)
  const operation = h('select', { name: 'operationId' }, h('option', { value: '' }, '(by path instead)'), operations.map((o) => h('option', { value: o.operationId }, `${o.operationId} — ${o.method} ${o.path}`)))
  const path = h('input', { name: 'path', placeholder: '/runners/*' })
  const status = h('input', { name: 'status', type: 'number', min: 400, max: 599, placeholder: '500' })
  const latency = h('input', { name: 'latencyMs', type: 'number', min: 0, placeholder: '0' })
  const rate = h('input', { name: 'rate', type: 'number', min: 0, max: 1, step: 0.05, placeholder: '1' })
  const times = h('input', { name: 'times', type: 'number', min: 1, placeholder: 'unlimited' })
  const drop = h('input', { name: 'drop', type: 'checkbox' })
  const add = (event) => {
    event.preventDefault()
    const spec = {}
    if (operation.value) spec.operationId = operation.value
    else if (path.value.trim()) spec.path = path.value.trim()
    if (status.value) spec.status = Number(status.value)
    if (latency.value) spec.latencyMs = Number(latency.value)
    if (rate.value) spec.rate = Number(rate.value)
    if (times.value) spec.times = Number(times.value)
    if (drop.checked) spec.drop = true
    void attempt(async () => { await control('POST', '/faults', spec); await reload() }, 'Fault added')
  }

  view.append(
    h('h2', {}, 'Faults'),
    list,
    h('h3', {}, 'Add a fault'),
    h(
      'form',
      { class: 'grid-form', id: 'fault-form', onsubmit: add },
      field('Operation', operation),
      field('or path under /api/v4', path),
      field('Status', status),
      field('Latency (ms)', latency),
      field('Rate (0–1)', rate),
      field('Times', times),
      h('label', { class: 'check' }, drop, ' Drop the connection'),
      h('div', {}, h('button', { class: 'primary' }, 'Add fault')),
    ),
  )
  show(current.faults)
}
