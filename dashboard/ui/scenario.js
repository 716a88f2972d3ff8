// Scenario: reset, load a built-in or uploaded scenario, export and import the state as a file, and
// the persona tokens to copy.
import { control, state } from './api.js'
import { attempt, h } from './dom.js'

export async function render(view, { refreshHeader }) {
  const overview = await control('GET', '/overview')
  const after = async () => {
    await refreshHeader()
    await showPersonas()
  }
  const builtIn = h('select', { id: 'builtin-scenario', 'aria-label': 'Built-in scenario' }, overview.builtInScenarios.map((name) => h('option', { value: name, selected: name === overview.scenario }, name)))
  const upload = h('input', { type: 'file', accept: '.yaml,.yml', id: 'scenario-file', 'aria-label': 'Scenario file (YAML)' })
  const stateFile = h('input', { type: 'file', accept: '.json,application/json', id: 'state-file', 'aria-label': 'State file (JSON)' })
  const personas = h('div', { id: 'personas' })

  const showPersonas = async () => {
    personas.replaceChildren(
      h(
        'table',
        {},
        h('thead', {}, h('tr', {}, ['Role', 'User', 'Token', ''].map((t) => h('th', { scope: 'col' }, t)))),
        h(
          'tbody',
          {},
          state.personas.map((p) =>
            h(
              'tr',
              {},
              h('td', {}, p.role),
              h('td', {}, p.username),
              h('td', {}, h('code', {}, p.token)),
              h('td', {}, h('button', { type: 'button', 'aria-label': `Copy the ${p.role}'s token`, onclick: () => attempt(() => navigator.clipboard.writeText(p.token), `Copied ${p.role}'s token`) }, 'Copy')),
            ),
          ),
        ),
      ),
    )
  }

  const exportState = () =>
    attempt(async () => {
      const data = await control('GET', '/state')
      const link = h('a', { href: URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' })), download: `gitlab-runners-mock-state${state.session ? `-${state.session}` : ''}.json` })
      link.click()
      URL.revokeObjectURL(link.href)
    }, 'State exported')

  view.append(
    h('h2', {}, 'Scenario'),
    h('p', {}, 'Loaded: ', h('strong', {}, overview.scenario ?? 'data passed in by a program'), state.session ? ` (session ${state.session})` : ''),
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: () => attempt(async () => { await control('POST', '/reset'); await after() }, 'Reset to the scenario') }, 'Reset')),
    h('form', { class: 'inline', onsubmit: (e) => { e.preventDefault(); void attempt(async () => { await control('POST', '/scenario', { name: builtIn.value }); await after() }, `Loaded ${builtIn.value}`) } }, h('label', {}, 'Built-in ', builtIn), h('button', {}, 'Load')),
    h('form', { class: 'inline', onsubmit: (e) => { e.preventDefault(); void attempt(async () => { const file = upload.files[0]; if (!file) throw new Error('Pick a YAML file first'); await control('POST', '/scenario', { yaml: await file.text() }); await after() }, 'Loaded the uploaded scenario') } }, h('label', {}, 'Upload ', upload), h('button', {}, 'Load file')),
    h('h3', {}, 'State'),
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: exportState }, 'Export state to a file')),
    h('form', { class: 'inline', onsubmit: (e) => { e.preventDefault(); void attempt(async () => { const file = stateFile.files[0]; if (!file) throw new Error('Pick a state file first'); await control('PUT', '/state', JSON.parse(await file.text())); await after() }, 'State imported') } }, h('label', {}, 'Import ', stateFile), h('button', {}, 'Import')),
    h('h3', {}, 'Persona tokens'),
    h('p', { class: 'muted' }, 'Send one as the PRIVATE-TOKEN header, the private_token query or Authorization: Bearer.'),
    personas,
  )
  await showPersonas()
}
