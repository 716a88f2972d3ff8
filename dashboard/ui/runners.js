// Runners: the list with the API's own filters, read as the administrator (or, without one, as the
// persona acting); a runner's managers, projects and recent jobs; and actions through the GitLab API
// as the persona picked in the header, so a refusal shows GitLab's own answer.
import { gitlab, state } from './api.js'
import { badge, h, pretty, relativeTime, statusCode, toast } from './dom.js'

const PER_PAGE = 50
const filters = { type: '', status: '', paused: '', tag_list: '', version_prefix: '', page: 1 }
let selected

function reader() {
  return state.personas.some((p) => p.role === 'administrator') ? 'administrator' : state.actAs
}

export async function render(view) {
  const list = h('div', { id: 'runner-list' })
  const detail = h('section', { id: 'runner-detail', class: 'panel', 'aria-label': 'Runner detail' })
  const select = (name, label, options) =>
    h('label', {}, label, h('select', { name, onchange: (e) => update(name, e.target.value) }, options.map(([value, text]) => h('option', { value, selected: filters[name] === value }, text))))
  const text = (name, label, placeholder) =>
    h('label', {}, label, h('input', { name, value: filters[name], placeholder, onchange: (e) => update(name, e.target.value.trim()) }))
  const search = h('input', { type: 'search', name: 'search', placeholder: 'description, type…', oninput: () => applySearch(list, search.value) })

  const update = (name, value) => {
    filters[name] = value
    filters.page = 1
    void load()
  }
  const load = async () => {
    await loadList(list, load, async (id) => {
      selected = id
      await loadDetail(detail, id, load)
    })
    applySearch(list, search.value)
  }

  view.append(
    h('h2', {}, 'Runners'),
    h(
      'form',
      { class: 'filters', onsubmit: (e) => e.preventDefault(), 'aria-label': 'Filters (sent to the API)' },
      select('type', 'Type', [['', 'any'], ['instance_type', 'instance'], ['group_type', 'group'], ['project_type', 'project']]),
      select('status', 'Status', [['', 'any'], ['online', 'online'], ['offline', 'offline'], ['stale', 'stale'], ['never_contacted', 'never contacted']]),
      select('paused', 'Paused', [['', 'any'], ['true', 'paused'], ['false', 'not paused']]),
      text('tag_list', 'Tags', 'docker,linux'),
      text('version_prefix', 'Version', '17.11'),
      h('label', {}, 'Search this page', search),
    ),
    h('div', { class: 'split' }, list, detail),
  )
  await load()
  if (selected !== undefined) await loadDetail(detail, selected, load)
  else detail.append(h('p', { class: 'muted' }, 'Pick a runner to see its managers, projects and recent jobs, and to act on it.'))
}

async function loadList(list, reload, open) {
  const { type, status, paused, tag_list, version_prefix, page } = filters
  const as = reader()
  const path = as === 'administrator' ? '/runners/all' : '/runners'
  const reply = await gitlab('GET', path, { as, query: { type, status, paused, tag_list, version_prefix, page, per_page: PER_PAGE } })
  if (!reply.ok) {
    list.replaceChildren(h('p', { class: 'error' }, `GET ${path} as ${as}: ${reply.status} ${JSON.stringify(reply.body)}`))
    return
  }
  const total = reply.headers.get('x-total')
  const pages = Number(reply.headers.get('x-total-pages') ?? 1)
  const pager = h(
    'div',
    { class: 'pager' },
    h('span', {}, `${total ?? reply.body.length} runners${as === 'administrator' ? '' : ` visible to ${as}`}, page ${filters.page} of ${Math.max(pages, 1)}`),
    h('button', { type: 'button', disabled: filters.page <= 1, onclick: () => { filters.page -= 1; void reload() } }, 'Previous'),
    h('button', { type: 'button', disabled: filters.page >= pages, onclick: () => { filters.page += 1; void reload() } }, 'Next'),
  )
  const rows = reply.body.map((runner) =>
    h(
      'tr',
      { 'data-runner': runner.id, class: runner.id === selected ? 'selected' : undefined },
      h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => open(runner.id) }, `#${runner.id}`)),
      h('td', {}, runner.description || h('span', { class: 'muted' }, '(no description)')),
      h('td', {}, runner.runner_type.replace('_type', '')),
      h('td', {}, badge(runner.status)),
      // Releases before 14.8 answer `active` instead of `paused`.
      h('td', {}, (runner.paused ?? runner.active === false) ? 'yes' : 'no'),
    ),
  )
  list.replaceChildren(
    pager,
    h(
      'table',
      { class: 'runners' },
      h('caption', { class: 'visually-hidden' }, 'Runners'),
      h('thead', {}, h('tr', {}, ['Id', 'Description', 'Type', 'Status', 'Paused'].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, rows),
    ),
  )
}

function applySearch(list, text) {
  const needle = text.trim().toLowerCase()
  for (const row of list.querySelectorAll('tbody tr')) row.hidden = needle !== '' && !row.textContent.toLowerCase().includes(needle)
}

async function loadDetail(detail, id, refreshList) {
  const as = reader()
  const [runner, managers, jobs] = await Promise.all([
    gitlab('GET', `/runners/${id}`, { as }),
    gitlab('GET', `/runners/${id}/managers`, { as }),
    gitlab('GET', `/runners/${id}/jobs`, { as, query: { per_page: 10, order_by: 'id', sort: 'desc' } }),
  ])
  if (!runner.ok) {
    detail.replaceChildren(h('p', { class: 'error' }, `Runner #${id}: ${runner.status} ${JSON.stringify(runner.body)}`))
    return
  }
  const r = runner.body
  const outcome = h('div', { id: 'action-outcome', role: 'status', 'aria-live': 'polite' })
  const act = async (label, method, body) => {
    const reply = await gitlab(method, `/runners/${id}`, { as: state.actAs, body })
    outcome.replaceChildren(
      h('p', { class: reply.ok ? 'ok' : 'error' }, `${label} as ${state.actAs}: `, statusCode(reply.status), ' ', reply.body === null ? '' : h('code', {}, JSON.stringify(reply.body).slice(0, 300))),
    )
    if (reply.ok) {
      toast(`${label}: done`)
      await refreshList()
      if (method !== 'DELETE') await loadDetail(detail, id, refreshList)
      else selected = undefined
      detail.prepend(outcome)
    }
  }
  const tags = h('input', { id: 'tag-input', value: r.tag_list.join(', '), 'aria-label': 'Tags, comma separated' })
  const now = Date.now()
  detail.replaceChildren(
    outcome,
    h('h3', {}, `Runner #${r.id} `, badge(r.status)),
    h('p', {}, r.description || '(no description)', ' · ', r.runner_type, r.locked ? ' · locked' : '', r.run_untagged ? ' · runs untagged jobs' : ''),
    h(
      'div',
      { class: 'actions', role: 'group', 'aria-label': `Actions as ${state.actAs}` },
      h('span', { class: 'muted' }, `As ${state.actAs}:`),
      h('button', { type: 'button', id: 'pause-toggle', onclick: () => act(r.paused ? 'Resume' : 'Pause', 'PUT', { paused: !r.paused }) }, r.paused ? 'Resume' : 'Pause'),
      h('form', { class: 'inline', onsubmit: (e) => { e.preventDefault(); void act('Edit tags', 'PUT', { tag_list: tags.value.split(',').map((t) => t.trim()).filter(Boolean) }) } }, tags, h('button', {}, 'Save tags')),
      h('button', { type: 'button', class: 'danger', onclick: () => window.confirm(`Delete runner #${r.id} as ${state.actAs}?`) && act('Delete', 'DELETE') }, 'Delete'),
    ),
    h('h4', {}, 'Managers'),
    managers.ok && managers.body.length > 0
      ? table(['System id', 'Status', 'Version', 'Platform', 'IP', 'Contacted'], managers.body.map((m) => [m.system_id, badge(m.status), m.version ?? '', [m.platform, m.architecture].filter(Boolean).join('/'), m.ip_address ?? '', relativeTime(m.contacted_at, now)]))
      : h('p', { class: 'muted' }, managers.ok ? 'No managers.' : `${managers.status}`),
    h('h4', {}, 'Projects'),
    r.projects?.length ? h('ul', {}, r.projects.map((p) => h('li', {}, p.path_with_namespace ?? p.name))) : h('p', { class: 'muted' }, 'None.'),
    h('h4', {}, 'Recent jobs'),
    jobs.ok && jobs.body.length > 0
      ? table(['Job', 'Status', 'Name', 'Project', 'Created'], jobs.body.map((j) => [`#${j.id}`, j.status, j.name, j.project?.path_with_namespace ?? '', relativeTime(j.created_at, now)]))
      : h('p', { class: 'muted' }, jobs.ok ? 'No jobs.' : `${jobs.status}`),
    h('details', {}, h('summary', {}, 'The API answer'), pretty(r)),
  )
}

function table(headings, rows) {
  return h('div', { class: 'scroll', tabindex: 0 }, h('table', {}, h('thead', {}, h('tr', {}, headings.map((t) => h('th', { scope: 'col' }, t)))), h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((c) => h('td', {}, c)))))))
}
