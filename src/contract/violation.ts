// What a failed check reports: plain data the server turns into a 400 or a loud 500 and the drift
// checker classifies into findings. Nothing here throws.
import type { GitlabFacts } from './operations.js'

export interface Violation {
  operationId: string
  /** The response status checked; for a request, the 400 GitLab answers. */
  status: number
  where: 'status' | 'header' | 'content-type' | 'body' | 'parameter'
  /**
   * JSON pointer of the offending value: into the body (`/0/ip_address`), to a header
   * (`/X-Total`) or to a parameter (`/tag_list`). For `required` and `additionalProperties` it
   * names the missing or extra key itself, not its parent object.
   */
  instancePath: string
  /** ajv's keyword (`type`, `enum`, `required`, `additionalProperties`, ...) or ours: `status`, `content-type`, `empty`, `link`. */
  keyword: string
  message: string
  expected?: unknown
  actual?: unknown
  schemaPath?: string
  /** ajv's `params` for the keyword, as ajv reports them. */
  params?: Record<string, unknown>
  /** The x-gitlab-* facts of the schema at the offending place, if any. */
  gitlab?: GitlabFacts
  /** The same facts as one sentence, e.g. `GitLab 17.0: ip_address is always null`. */
  versionNote?: string
}
