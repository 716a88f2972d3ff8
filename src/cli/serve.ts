// `gitlab-runners-mock serve`: the mock on a scenario, with the URL, tokens and a curl line to try.
import { ControlTokenError, ReleaseError, StateFileError, startMock } from '../index.js'
import { findPersonas } from './personas.js'
import {
  batchedLog, defaultRequestLogFormat, formatRequestLog, REQUEST_LOG_FORMATS, type RequestLogFormat,
} from '../control/request-log.js'
import { ScenarioError } from '../scenarios/load.js'
import { CorsSettingError, parseCorsSetting, type CorsSetting } from '../server/cors-setting.js'
import { formatOptions, parseOptions, UsageError, type OptionSpec } from './options.js'

export const DEFAULT_PORT = 4600

/** serve's options, one row each: flag, environment variable, default, help. */
export const SERVE_OPTIONS = [
  { name: 'port', value: 'N', default: String(DEFAULT_PORT), env: 'PORT', help: 'port to listen on; 0 picks a free one' },
  { name: 'host', value: 'H', default: '127.0.0.1', env: 'HOST', help: 'interface to bind' },
  {
    name: 'scenario', value: 'NAME|PATH', default: 'default', env: 'GITLAB_RUNNERS_MOCK_SCENARIO',
    help: 'a built-in scenario (default, empty, bench) or a path to a YAML file',
  },
  {
    name: 'cors', value: 'ORIGINS', default: 'local', env: 'GITLAB_RUNNERS_MOCK_CORS',
    help: 'browser origins allowed: local (localhost, 127.0.0.1, [::1] on any port), *, none,\nor a comma-separated list such as http://localhost:3000,https://app.test',
  },
  {
    name: 'allowed-host', value: 'NAME[:PORT]', multiple: true,
    help: 'a Host to answer besides loopback names (repeatable; NAME for any port); other\nHost headers get 403, against DNS rebinding',
  },
  {
    name: 'log', value: 'pretty|json|off', env: 'GITLAB_RUNNERS_MOCK_LOG',
    help: 'one line per request on stdout (method, path, status, duration, operation, session,\nfindings; secrets masked); default pretty on a terminal, json otherwise',
  },
  {
    name: 'allow-dir', value: 'DIR', multiple: true,
    help: 'a folder whose files scenarios sent to the control API may include or replay\n(repeatable; scenarios/ and fixtures/ always may; --scenario reads anything)',
  },
  {
    name: 'gitlab-version', value: 'X', env: 'GITLAB_RUNNERS_MOCK_GITLAB_VERSION',
    help: 'answer as GitLab release X (11.0 to 18.x, e.g. 17.11 or 16);\ndefault: the newest release the contract describes',
  },
  { name: 'strict', help: 'answer 500 instead of a response that breaks the contract (for debugging the mock)' },
  { name: 'static', help: "no state: answer from the contract's examples, like Prism (Prefer: code=404 picks another)" },
  { name: 'watch', help: 'reload the scenario when it or a file it includes changes; a broken file keeps the old state' },
  { name: 'state-file', value: 'PATH', env: 'GITLAB_RUNNERS_MOCK_STATE_FILE', help: 'keep the state in PATH across restarts (a change is applied only once it is written)' },
  {
    name: 'max-sessions', value: 'N', default: '500', env: 'GITLAB_RUNNERS_MOCK_MAX_SESSIONS',
    help: 'most X-Mock-Session sessions alive at once; a new one evicts the least recently used',
  },
  {
    name: 'control-token', value: 'TOKEN', env: 'GITLAB_RUNNERS_MOCK_CONTROL_TOKEN',
    help: 'token the control API (/__mock) requires in X-Mock-Control-Token;\nneeded on a non-loopback --host',
  },
] as const satisfies readonly OptionSpec[]

const USAGE = `Usage: gitlab-runners-mock serve [options]

${formatOptions(SERVE_OPTIONS)}

A flag beats its environment variable. Stop with Ctrl-C.`

export async function runServe(argv: string[]): Promise<number> {
  let parsed
  try {
    parsed = parseOptions(SERVE_OPTIONS, argv)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    process.stderr.write(`${error.message}\nRun gitlab-runners-mock serve --help for the options.\n`)
    return 2
  }
  const { values, source } = parsed
  if (parsed.help) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`${source.port} must be an integer from 0 to 65535, got ${values.port}\n`)
    return 2
  }
  const logFormat = values.log ?? defaultRequestLogFormat(process.stdout.isTTY === true)
  if (!REQUEST_LOG_FORMATS.includes(logFormat as RequestLogFormat)) {
    process.stderr.write(`${source.log} must be one of ${REQUEST_LOG_FORMATS.join(', ')}, got ${logFormat}\n`)
    return 2
  }
  const formatLine = formatRequestLog(logFormat as RequestLogFormat)
  let cors: CorsSetting
  try {
    cors = parseCorsSetting(values.cors)
  } catch (error) {
    if (!(error instanceof CorsSettingError)) throw error
    process.stderr.write(`${source.cors}: ${error.message}\n`)
    return 2
  }
  const maxSessions = Number(values['max-sessions'])
  if (!/^\d+$/.test(values['max-sessions']) || maxSessions < 1) {
    process.stderr.write(`${source['max-sessions']} must be a positive integer, got ${values['max-sessions']}\n`)
    return 2
  }
  let mock
  try {
    mock = await startMock({
      maxSessions,
      scenario: values.scenario,
      port,
      host: values.host,
      cors,
      allowedHosts: values['allowed-host'] ?? [],
      allowDirs: values['allow-dir'] ?? [],
      selfCheck: values.strict ? 'strict' : 'log',
      static: values.static,
      stateFile: values['state-file'],
      controlToken: values['control-token'],
      ...(formatLine ? { onRequest: batchedLog(formatLine, (text) => process.stdout.write(text)) } : {}),
      gitlabVersion: values['gitlab-version'],
    })
  } catch (error) {
    if (error instanceof ReleaseError) {
      process.stderr.write(`${source['gitlab-version']}: ${error.message}\n`)
      return 2
    }
    if (error instanceof ScenarioError || error instanceof ControlTokenError || error instanceof StateFileError || error instanceof RangeError) {
      process.stderr.write(`${error.message}\n`)
      return 2
    }
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL') {
      process.stderr.write(`cannot listen on ${values.host}:${port}: ${code}\n`)
      return 2
    }
    throw error
  }
  // Imported only for --watch (it brings the yaml library, which a plain start never loads), and
  // watching before the banner: whoever waits for the banner may change a file right after it.
  const watcher = values.watch ? (await import('../control/watch.js')).watchScenario(values.scenario, () => reload(mock, values.scenario)) : undefined
  process.stdout.write(banner(mock.url, findPersonas(mock.world.peopleData()), values.scenario, mock.gitlabVersion))
  const stop = () => {
    watcher?.close()
    void mock.close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
  return new Promise<number>(() => {})
}

function reload(mock: Awaited<ReturnType<typeof startMock>>, scenario: string): void {
  try {
    mock.load(scenario)
    process.stdout.write(`reloaded scenario ${scenario}\n`)
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error
    process.stderr.write(`${error.message}\nkept the previous state\n`)
  }
}

function banner(url: string, personas: ReturnType<typeof findPersonas>, scenario: string, gitlabVersion: string): string {
  const width = Math.max(0, ...personas.map((p) => p.role.length))
  const lines = [
    `gitlab-runners-mock: GitLab Runners API on ${url} as GitLab ${gitlabVersion} (scenario: ${scenario})`,
    '',
    'Tokens (send as PRIVATE-TOKEN header, private_token query or Authorization: Bearer):',
    ...personas.map((p) => `  ${p.role.padEnd(width)}  ${p.token}  (${p.username})`),
  ]
  const admin = personas[0]
  if (admin) {
    lines.push('', 'Try:', `  curl -H "PRIVATE-TOKEN: ${admin.token}" "${url}/runners/all?per_page=5"`)
  }
  lines.push('', 'Contract: ' + url + '/openapi.json   Stop with Ctrl-C.')
  const control = url.replace(/\/api\/v4$/, '/__mock')
  lines.push(`Control:  ${control} (clock, faults, journal, sessions: docs/control.md)`)
  lines.push(`Health:   ${control}/health`)
  lines.push(`Dashboard: ${control}/   API reference: ${url}/docs/`, '')
  return lines.join('\n')
}
