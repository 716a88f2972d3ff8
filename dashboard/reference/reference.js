// The API reference: Swagger UI (served from the package) on the mock's own documents, with the
// servers pointed at this mock so "Try it out" calls it, and a persona's token filled in.
/* global SwaggerUIBundle */
const origin = window.location.origin
const TOKEN_KEY = 'gitlab-runners-mock.control-token'
const documents = {
  gitlab: { url: `${origin}/api/v4/openapi.json`, server: `${origin}/api/v4` },
  control: { url: `${origin}/__mock/openapi.json`, server: `${origin}/__mock` },
}
const documentPicker = document.getElementById('document-picker')
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

async function show() {
  const chosen = documents[documentPicker.value] ?? documents.gitlab
  const spec = await (await fetch(chosen.url)).json()
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
  document.body.dataset.document = documentPicker.value
}

documentPicker.addEventListener('change', () => void show())
personaPicker.addEventListener('change', authorize)
const wanted = new URLSearchParams(window.location.search).get('document')
if (wanted && wanted in documents) documentPicker.value = wanted
await loadPersonas()
await show()
