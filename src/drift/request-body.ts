// A client's request body as parameters, whatever encoding GitLab accepts (reference §1.1): JSON,
// urlencoded and multipart (`curl --form`, what `gitlab-runner register` sends). The proxy needs them
// parsed twice over: to check the request as Grape would, and to mask tokens by name before recording.

/** Parameters of a form or JSON object; the raw text for other bodies; undefined when empty. */
export async function parseRequestBody(bytes: Buffer, contentType: string | undefined): Promise<unknown> {
  if (bytes.length === 0) return undefined
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  const text = bytes.toString('utf8')
  if (mediaType === 'application/x-www-form-urlencoded') return formParams(new URLSearchParams(text))
  if (mediaType === 'multipart/form-data') {
    try {
      const form = await new Request('http://proxy.invalid/', { method: 'POST', headers: { 'content-type': contentType ?? '' }, body: bytes }).formData()
      // A file part stands for its name: the content is no parameter a Runners endpoint reads.
      return formParams([...form.entries()].map(([key, value]): [string, string] => [key, typeof value === 'string' ? value : value.name]))
    } catch {
      // Unreadable parts are GitLab's to refuse; the text is kept, and masked like any text.
      return text
    }
  }
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}

/** Repeated keys and Rails' `key[]` make arrays, as Rack builds them. */
function formParams(entries: Iterable<[string, string]>): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {}
  for (const [rawKey, value] of entries) {
    const isArray = rawKey.endsWith('[]')
    const key = isArray ? rawKey.slice(0, -2) : rawKey
    const existing = params[key]
    if (existing === undefined) params[key] = isArray ? [value] : value
    else params[key] = Array.isArray(existing) ? [...existing, value] : [existing, value]
  }
  return params
}
