// Parameter sets as Rack builds them from a query string or a form, shared by the mock (what it
// validates) and the drift checker's proxy (what it checks and records), so both read a request alike.

export type FormParams = Record<string, string | string[]>

/** Repeated keys and Rails' `key[]` both make arrays, as Rack builds them. */
export function formParams(entries: Iterable<[string, string]>): FormParams {
  const params: FormParams = {}
  for (const [rawKey, value] of entries) {
    const isArray = rawKey.endsWith('[]')
    const key = isArray ? rawKey.slice(0, -2) : rawKey
    const existing = params[key]
    if (existing === undefined) params[key] = isArray ? [value] : value
    else params[key] = Array.isArray(existing) ? [...existing, value] : [existing, value]
  }
  return params
}

/** The parameters of a multipart body (`curl --form`); a file part stands for its file name. Rejects an unreadable body. */
export async function multipartParams(bytes: Buffer, contentType: string): Promise<FormParams> {
  const form = await new Request('http://localhost/', { method: 'POST', headers: { 'content-type': contentType }, body: bytes }).formData()
  return formParams([...form.entries()].map(([key, value]): [string, string] => [key, typeof value === 'string' ? value : value.name]))
}
