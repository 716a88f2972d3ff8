// GET /version: which GitLab release answers. Clients and `--gitlab-version auto` read it.
import type { Handler } from '../handler.js'
import { serializeVersion } from '../serialize.js'

export const getVersion: Handler<'getVersion'> = (_input, { release }) => ({ status: 200, body: serializeVersion(release) })
