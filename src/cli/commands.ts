// The commands of the command line, one row each. A command is loaded on demand: `verify` in CI need
// not load the mock, nor `serve` the drift checker. Each command answers `--help` itself.
export type Command = (argv: string[]) => Promise<number>

export interface CommandSpec {
  readonly name: string
  readonly summary: string
  load(): Promise<Command>
}

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'serve',
    summary: 'serve the fake GitLab Runners API (default scenario on http://127.0.0.1:4600/api/v4)',
    load: async () => (await import('./serve.js')).runServe,
  },
  {
    name: 'verify',
    summary: 'probe a live GitLab and report drift from the contract',
    load: async () => (await import('./verify.js')).runVerify,
  },
  {
    name: 'validate',
    summary: 'check recorded traffic (HAR, journal export) against the contract',
    load: async () => (await import('./validate.js')).runValidate,
  },
  {
    name: 'contract',
    summary: 'print the contract as a GitLab release answers, diff two releases, count version facts',
    load: async () => (await import('./contract.js')).runContract,
  },
  {
    name: 'proxy',
    summary: 'a validating reverse proxy in front of a real GitLab',
    load: async () => (await import('./proxy.js')).runProxy,
  },
]
