// A client's request body as parameters, whatever encoding GitLab accepts (reference §1.1): JSON,
// urlencoded and multipart (`curl --form`, what `gitlab-runner register` sends). The proxy needs them
// parsed twice over: to check the request as Grape would, and to mask tokens by name before recording.
import { formParams, multipartParams } from '../contract/form-params.js'

/** Parameters of a form or JSON object; the raw text for other bodies; undefined when empty. */
export async function parseRequestBody(bytes: Buffer, contentType: string | undefined): Promise<unknown> {
  if (bytes.length === 0) return undefined
  const mediaType = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  const text = bytes.toString('utf8')
  if (mediaType === 'application/x-www-form-urlencoded') return formParams(new URLSearchParams(text))
  if (mediaType === 'multipart/form-data') {
    try {
      return await multipartParams(bytes, contentType ?? '')
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
