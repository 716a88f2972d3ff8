// `gitlab-runners-mock serve`: the mock on a scenario, with the URL, tokens and a curl line to try.
import { parseArgs } from 'node:util'
import { ControlTokenError, StateFileError, startMock } from '../index.js'
import { watchScenario } from '../control/watch.js'
import { findPersonas } from './personas.js'
import { ScenarioError } from '../scenarios/load.js'
import type { CorsSetting } from '../server/cors.js'

export const DEFAULT_PORT = 4600

const USAGE = `Usage: gitlab-runners-mock serve [--port N] [--host H] [--scenario NAME|PATH] [--cors local|*|none|ORIGIN,...] [--strict]
                                 [--watch] [--state-file PATH] [--control-token TOKEN] [--static]

  --port      port to listen on (default ${DEFAULT_PORT}; 0 picks a free one)
  --host      interface to bind (default 127.0.0.1)
  --scenario  scenario name in scenarios/ or a path to a YAML file (default: default)
  --cors      browser origins allowed (default: local = localhost, 127.0.0.1, [::1] on any port)
  --strict    answer 500 instead of a response that breaks the contract (for debugging the mock)
  --static    no state: answer from the contract's examples, like Prism (Prefer: code=404 picks another)
  --watch     reload the scenario when it or a file it includes changes; a broken file keeps the old state
  --state-file  keep the state in PATH across restarts (written after every accepted change)
  --control-token  token the control API (/__mock) requires in X-Mock-Control-Token; needed on a
              non-loopback --host (also read from GITLAB_RUNNERS_MOCK_CONTROL_TOKEN)`

export async function runServe(argv: string[]): Promise<number> {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', default: String(DEFAULT_PORT) },
        host: { type: 'string', default: '127.0.0.1' },
        scenario: { type: 'string', default: 'default' },
        cors: { type: 'string', default: 'local' },
        strict: { type: 'boolean', default: false },
        watch: { type: 'boolean', default: false },
        static: { type: 'boolean', default: false },
        'state-file': { type: 'string' },
        'control-token': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }))
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${USAGE}\n`)
    return 2
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`--port must be an integer from 0 to 65535, got ${values.port}\n`)
    return 2
  }
  let mock
  try {
    mock = await startMock({
      scenario: values.scenario,
      port,
      host: values.host,
      cors: parseCors(values.cors),
      selfCheck: values.strict ? 'strict' : 'log',
      static: values.static,
      stateFile: values['state-file'],
      controlToken: values['control-token'] ?? process.env.GITLAB_RUNNERS_MOCK_CONTROL_TOKEN,
    })
  } catch (error) {
    if (error instanceof ScenarioError || error instanceof ControlTokenError || error instanceof StateFileError) {
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
  process.stdout.write(banner(mock.url, findPersonas(mock.world.toData()), values.scenario))
  const watcher = values.watch ? watchScenario(values.scenario, () => reload(mock, values.scenario)) : undefined
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

function parseCors(value: string): CorsSetting {
  if (value === 'local' || value === '*') return value
  if (value === 'none' || value === 'false') return false
  return value.split(',').map((origin) => origin.trim())
}

function banner(url: string, personas: ReturnType<typeof findPersonas>, scenario: string): string {
  const width = Math.max(0, ...personas.map((p) => p.role.length))
  const lines = [
    `gitlab-runners-mock: GitLab Runners API on ${url} (scenario: ${scenario})`,
    '',
    'Tokens (send as PRIVATE-TOKEN header, private_token query or Authorization: Bearer):',
    ...personas.map((p) => `  ${p.role.padEnd(width)}  ${p.token}  (${p.username})`),
  ]
  const admin = personas[0]
  if (admin) {
    lines.push('', 'Try:', `  curl -H "PRIVATE-TOKEN: ${admin.token}" "${url}/runners/all?per_page=5"`)
  }
  lines.push('', 'Contract: ' + url + '/openapi.json   Stop with Ctrl-C.')
  lines.push(`Control:  ${url.replace(/\/api\/v4$/, '/__mock')} (clock, faults, journal, sessions: docs/control.md)`, '')
  return lines.join('\n')
}
