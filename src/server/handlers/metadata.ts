// GET /version: which GitLab release answers. Clients and `--gitlab-version auto` read it.
import type { Handler } from '../handler.js'
import { serializeVersion } from '../serialize.js'

// TODO(#9): the served release comes from the version profile once src/profile/ lands.
const SERVED_RELEASE = { major: 18, minor: 6 }

export const getVersion: Handler<'getVersion'> = () => ({ status: 200, body: serializeVersion(SERVED_RELEASE) })
