// A small element builder, so views read as the markup they make, and helpers every view uses.

/** h('button', { class: 'primary', onclick }, 'Save') */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value)
    else if (name === 'class') element.className = value
    else if (value === true) element.setAttribute(name, '')
    else element.setAttribute(name, String(value))
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue
    element.append(child instanceof Node ? child : String(child))
  }
  return element
}

// not_connected is what releases before 15.0 answered for a runner that never contacted GitLab.
const STATUS_LABELS = { online: 'online', offline: 'offline', stale: 'stale', never_contacted: 'never contacted', not_connected: 'not connected', paused: 'paused' }

/** A runner or manager status badge, exactly the value the API answered. */
export function badge(status) {
  return h('span', { class: `badge badge-${status}`, 'data-status': status }, STATUS_LABELS[status] ?? status)
}

/** A status code coloured by its class. */
export function statusCode(status) {
  const kind = status === 0 ? 'dropped' : status >= 500 ? 'server' : status >= 400 ? 'client' : 'ok'
  return h('span', { class: `code code-${kind}` }, status === 0 ? 'dropped' : String(status))
}

export function pretty(value) {
  return h('pre', { class: 'json' }, value === null || value === undefined ? '(none)' : JSON.stringify(value, null, 2))
}

export function toast(message, kind = 'info') {
  const element = document.getElementById('toast')
  element.textContent = message
  element.dataset.kind = kind
  element.classList.add('shown')
  clearTimeout(toast.timer)
  toast.timer = setTimeout(() => element.classList.remove('shown'), 4000)
}

/** Runs an action, reporting a failure in the toast instead of the console. */
export async function attempt(action, done) {
  try {
    const result = await action()
    if (done) toast(done)
    return result
  } catch (error) {
    toast(error.message, 'error')
    return undefined
  }
}

export function showDetail(title, ...content) {
  const dialog = document.getElementById('detail-dialog')
  document.getElementById('detail-title').textContent = title
  document.getElementById('detail-body').replaceChildren(...content)
  dialog.showModal()
}

export function relativeTime(iso, now) {
  if (!iso) return 'never'
  const seconds = Math.round((now - Date.parse(iso)) / 1000)
  const future = seconds < 0
  const abs = Math.abs(seconds)
  const text =
    abs < 60 ? `${abs}s` : abs < 3600 ? `${Math.round(abs / 60)}m` : abs < 86400 ? `${Math.round(abs / 3600)}h` : `${Math.round(abs / 86400)}d`
  return future ? `in ${text}` : `${text} ago`
}
