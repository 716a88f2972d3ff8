// The API reference: Swagger UI (served from the package) on the mock's own documents, with the
// servers pointed at this mock so "Try it out" calls it, and a persona's token filled in.
const origin = window.location.origin
const TOKEN_KEY = 'gitlab-runners-mock.control-token'
const documents = {
  gitlab: { url: `${origin}/api/v4/openapi.json`, server: `${origin}/api/v4` },
  control: { url: `${origin}/__mock/openapi.json`, server: `${origin}/__mock` },
}
const documentPicker = document.getElementById('document-picker')
const releasePicker = document.getElementById('release-picker')
const personaPicker = document.getElementById('persona-picker')
let personas = []
let ui

async function loadPersonas() {
  const token = sessionStorage.getItem(TOKEN_KEY)
  const response = await fetch(`${origin}/__mock/personas`, { headers: token ? { 'X-Mock-Control-Token': token } : {} })
  // Without the control API (or its token) there is nothing to fill in: Authorize by hand.
  personas = response.ok ? (await response.json()).personas : []
  personaPicker.replaceChildren(
    ...personas.map((p) => new Option(`${p.role} (${p.username})`, p.token)),
    new Option('nobody (no token)', ''),
  )
}

function authorize() {
  if (!ui) return
  if (documentPicker.value === 'control') {
    const token = sessionStorage.getItem(TOKEN_KEY)
    if (token) ui.preauthorizeApiKey('controlToken', token)
    return
  }
  if (personaPicker.value) ui.preauthorizeApiKey('privateTokenHeader', personaPicker.value)
  else ui.authActions.logout(['privateTokenHeader'])
}

// Swagger UI leaves its server picker without a label (and re-renders it at will); screen readers need one.
function labelServers() {
  const servers = document.getElementById('servers')
  if (servers && !servers.hasAttribute('aria-label')) servers.setAttribute('aria-label', 'Server')
}
new MutationObserver(labelServers).observe(document.getElementById('swagger'), { childList: true, subtree: true })

// Any release the contract describes; "try it" still calls this mock, which answers as its own release.
async function loadReleases() {
  const { served, releases } = await (await fetch(`${origin}/api/v4/docs/releases`)).json()
  releasePicker.replaceChildren(...releases.map((release) => new Option(release === served ? `${release} (this mock)` : release, release)))
  releasePicker.value = served
  releasePicker.dataset.served = served
}

let shown = 0

async function show() {
  // Only the newest choice renders, however the fetches finish.
  const turn = ++shown
  const chosen = documents[documentPicker.value] ?? documents.gitlab
  const release = releasePicker.value
  const url = documentPicker.value === 'gitlab' && release !== releasePicker.dataset.served ? `${origin}/api/v4/docs/releases/${release}` : chosen.url
  const spec = await (await fetch(url)).json()
  if (turn !== shown) return
  spec.servers = [{ url: chosen.server, description: 'This mock' }]
  ui = SwaggerUIBundle({
    spec,
    dom_id: '#swagger',
    presets: [SwaggerUIBundle.presets.apis],
    layout: 'BaseLayout',
    deepLinking: false,
    displayOperationId: true,
    tryItOutEnabled: true,
    defaultModelsExpandDepth: 0,
    docExpansion: 'list',
    onComplete: authorize,
  })
  personaPicker.disabled = documentPicker.value === 'control'
  releasePicker.disabled = documentPicker.value === 'control'
  document.body.dataset.document = documentPicker.value
  document.body.dataset.release = documentPicker.value === 'gitlab' ? release : ''
}

documentPicker.addEventListener('change', () => void show())
releasePicker.addEventListener('change', () => void show())
personaPicker.addEventListener('change', authorize)
const wanted = new URLSearchParams(window.location.search)
if (documents[wanted.get('document')]) documentPicker.value = wanted.get('document')
await Promise.all([loadPersonas(), loadReleases()])
if ([...releasePicker.options].some((option) => option.value === wanted.get('release'))) releasePicker.value = wanted.get('release')
await show()
