import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadScenario, parseScenario, ScenarioError } from '../../src/scenarios/load.js'

const NOW = Date.parse('2025-06-01T12:00:00.000Z')
const FILE = 'scenarios/x.yaml'
const dir = mkdtempSync(join(tmpdir(), 'scenarios-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const BASE = `users:
  - username: root
    admin: true
groups:
  - path: acme
projects:
  - path: acme/api
`

function problemsOf(text: string, file = FILE): string {
  try {
    parseScenario(text, file, { now: NOW })
  } catch (error) {
    if (error instanceof ScenarioError) return error.message
    throw error
  }
  throw new Error('the scenario loaded without a problem')
}

describe('scenario errors name the file, the line, the path and the problem', () => {
  it.each([
    ['an unknown runner type', `${BASE}runners:\n  - runner_type: shared\n`,
      'scenarios/x.yaml:9 runners[0].runner_type: must be one of instance_type, group_type, project_type'],
    ['a missing required key', `${BASE}runners:\n  - description: x\n`,
      'scenarios/x.yaml:9 runners[0]: must have a runner_type'],
    ['an unknown key', `${BASE}runners:\n  - runner_type: instance_type\n    colour: blue\n`,
      'scenarios/x.yaml:10 runners[0].colour: is not a known key here'],
    ['a wrong type', `${BASE}runners:\n  - runner_type: instance_type\n    tag_list: docker\n`,
      'scenarios/x.yaml:10 runners[0].tag_list: must be an array'],
    ['a timeout under ten minutes', `${BASE}runners:\n  - runner_type: instance_type\n    maximum_timeout: 60\n`,
      'scenarios/x.yaml:10 runners[0].maximum_timeout: must be >= 600'],
    ['an unknown role', `${BASE.replace('  - path: acme\n', '  - path: acme\n    members: { root: boss }\n')}`,
      'scenarios/x.yaml:6 groups[0].members.root: must be one of guest, reporter, developer, maintainer, owner'],
    ['an unknown group', `${BASE}runners:\n  - runner_type: group_type\n    group: acme/nope\n`,
      "scenarios/x.yaml:10 runners[0].group: no group 'acme/nope' (groups are: acme)"],
    ['an unknown project', `${BASE}runners:\n  - runner_type: project_type\n    project: acme/web\n`,
      "scenarios/x.yaml:10 runners[0].project: no project 'acme/web' (projects are: acme/api)"],
    ['an unknown user', `${BASE}runners:\n  - runner_type: instance_type\n    created_by: nobody\n`,
      "scenarios/x.yaml:10 runners[0].created_by: no user 'nobody' (users are: root)"],
    ['an unknown parent group', 'groups:\n  - path: acme/platform\n',
      "scenarios/x.yaml:2 groups[0].path: no group 'acme' (groups are: acme/platform)"],
    ['an unknown namespace', 'projects:\n  - path: nowhere/api\n',
      "scenarios/x.yaml:2 projects[0].path: no group or user 'nowhere' (groups are: none; users are: none)"],
    ['a bad time', `${BASE}runners:\n  - runner_type: instance_type\n    contacted_at: yesterday\n`,
      "scenarios/x.yaml:10 runners[0].contacted_at: not a time: expected '5m ago', 'in 30d', 'now', 'never' or an ISO timestamp like 2024-06-09T11:12:02.507Z, got 'yesterday'"],
    // Each would once load and leave every read of the runner (and every list it was in) a 500.
    ['a relative time before year 0', `${BASE}runners:\n  - runner_type: instance_type\n    contacted_at: 99999999999d ago\n`,
      "scenarios/x.yaml:10 runners[0].contacted_at: '99999999999d ago' is outside what a date-time can say (0000-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z)"],
    ['a relative time after year 9999', `${BASE}runners:\n  - runner_type: instance_type\n    token_expires_at: in 3000000d\n`,
      "scenarios/x.yaml:10 runners[0].token_expires_at: 'in 3000000d' is outside what a date-time can say (0000-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z)"],
    ['repeated jobs reaching before year 0', `${BASE}runners:\n  - runner_type: instance_type\n    jobs:\n      - { project: acme/api, count: 3, every: 99999999999d }\n`,
      "scenarios/x.yaml:11 runners[0].jobs[0].every: 3 copies 99999999999d apart reach outside what a date-time can say (0000-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z)"],
    ['a job duration that ends after year 9999', `${BASE}runners:\n  - runner_type: instance_type\n    jobs:\n      - { project: acme/api, duration: 999999999999999 }\n`,
      "scenarios/x.yaml:11 runners[0].jobs[0].duration: a job of 999999999999999 seconds finishes outside what a date-time can say (0000-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z)"],
    ['a job started too late to finish before year 10000', `${BASE}runners:\n  - runner_type: instance_type\n    jobs:\n      - { project: acme/api, started_at: '9999-12-31T23:59:00Z', created_at: '9999-12-31T23:58:00Z' }\n`,
      "scenarios/x.yaml:11 runners[0].jobs[0].started_at: a job of the default 120 seconds finishes outside what a date-time can say (0000-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z)"],
    ['an id JavaScript cannot hold exactly', `${BASE}runners:\n  - id: 99999999999999999999\n    runner_type: instance_type\n`,
      'scenarios/x.yaml:9 runners[0].id: must be <= 9007199254740991'],
    ['a group runner without its group', `${BASE}runners:\n  - runner_type: group_type\n`,
      'scenarios/x.yaml:9 runners[0]: a group_type runner needs its owner group'],
    ['an owner project on an instance runner', `${BASE}runners:\n  - runner_type: instance_type\n    project: acme/api\n`,
      'scenarios/x.yaml:10 runners[0].project: only a project_type runner has an owner project; this one is instance_type'],
    ['a contact before creation', `${BASE}runners:\n  - runner_type: instance_type\n    created_at: 1h ago\n    contacted_at: 2h ago\n`,
      'scenarios/x.yaml:11 runners[0].contacted_at: is before created_at; a runner cannot contact GitLab before it exists'],
    ['no tags on a runner that may not run untagged jobs', `${BASE}runners:\n  - runner_type: instance_type\n    run_untagged: false\n`,
      'scenarios/x.yaml:9 runners[0].tag_list: can not be empty when runner is not allowed to pick untagged jobs'],
    ['an unknown manager on a job', `${BASE}runners:\n  - runner_type: instance_type\n    managers: [{ system_id: s_1 }]\n    jobs:\n      - { project: acme/api, manager: s_2 }\n`,
      "scenarios/x.yaml:12 runners[0].jobs[0].manager: no manager 's_2' on this runner (managers are: s_1)"],
    ['a failure reason on a passed job', `${BASE}runners:\n  - runner_type: instance_type\n    jobs:\n      - { project: acme/api, failure_reason: script_failure }\n`,
      'scenarios/x.yaml:11 runners[0].jobs[0].failure_reason: only a failed job has a failure_reason; this one is success'],
    ['a duplicate username', 'users:\n  - username: root\n  - username: ROOT\n',
      "scenarios/x.yaml:3 users[1].username: user 'ROOT' is defined twice"],
    ['a duplicate id', `${BASE}runners:\n  - { id: 4, runner_type: instance_type }\n  - { id: 4, runner_type: instance_type }\n`,
      'scenarios/x.yaml:10 runners[1].id: id 4 is already used at scenarios/x.yaml:9'],
    ['a token used twice', `${BASE}runners:\n  - { runner_type: instance_type, token: glrt-a }\n  - { runner_type: instance_type, token: glrt-a }\n`,
      'scenarios/x.yaml:10 runners[1].token: the same token is already used at scenarios/x.yaml:9'],
    ['a public project in a private group', `${BASE}  - path: acme/site\n    visibility: public\n`,
      "scenarios/x.yaml:9 projects[1].visibility: a public project cannot sit in private group 'acme'"],
    ['broken YAML', 'users:\n  - username: root\n    name: a: b\n',
      'scenarios/x.yaml:3 invalid YAML: Nested mappings are not allowed in compact mappings'],
    ['a duplicated key', 'users:\n  - username: root\n    username: admin\n',
      'scenarios/x.yaml:3 invalid YAML: Map keys must be unique'],
  ])('reports %s', (_kind, text, expected) => {
    expect(problemsOf(text)).toBe(expected)
  })

  it('lists every schema problem, first line first', () => {
    expect(problemsOf(`${BASE}runners:\n  - runner_type: instance_type\n    paused: sometimes\n  - runner_type: nope\n`)).toBe([
      'scenarios/x.yaml:10 runners[0].paused: must be a boolean',
      'scenarios/x.yaml:11 runners[1].runner_type: must be one of instance_type, group_type, project_type',
    ].join('\n'))
  })

  it('names a missing scenario and what a bare name means', () => {
    expect(() => loadScenario('no-such-world', { now: NOW })).toThrow(
      'scenarios/no-such-world.yaml cannot read the scenario: ENOENT (a bare name means scenarios/no-such-world.yaml)',
    )
  })
})

describe('include and fixtures', () => {
  const fixture = join(dir, 'fixture.yaml')
  writeFileSync(fixture, 'users:\n  - username: shared\ngroups:\n  - path: shared-group\n    members: { shared: owner }\n')

  it('merges included entities before the including file, ids counting on', () => {
    const world = parseScenario(`include: [fixture.yaml]\nusers:\n  - username: root\n    admin: true\n`, join(dir, 'main.yaml'), { now: NOW })
    expect(world.users.map((user) => [user.id, user.username])).toEqual([[1, 'shared'], [2, 'root']])
    expect(world.groups.map((group) => [group.path, group.members])).toEqual([['shared-group', [{ userId: 1, accessLevel: 50 }]]])
  })

  it('lets the including file refer to what a fixture defines', () => {
    const world = parseScenario('include: [fixture.yaml]\nprojects:\n  - path: shared-group/app\n', join(dir, 'main.yaml'), { now: NOW })
    expect(world.projects.map((project) => [project.path, project.groupId])).toEqual([['app', 1]])
  })

  it('reports a problem inside an included file against that file', () => {
    writeFileSync(join(dir, 'broken.yaml'), 'groups:\n  - path: a\n    visibility: secret\n')
    expect(problemsOf('include: [broken.yaml]\n', join(dir, 'main.yaml'))).toBe(
      `${join(dir, 'broken.yaml')}:3 groups[0].visibility: must be one of private, internal, public`,
    )
  })

  it('reports an include that does not exist at its line', () => {
    expect(problemsOf('users: []\ninclude:\n  - fixture.yaml\n  - missing.yaml\n', join(dir, 'main.yaml'))).toBe(
      `${join(dir, 'main.yaml')}:4 include[1]: cannot read ${join(dir, 'missing.yaml')}: ENOENT`,
    )
  })

  it('refuses an include cycle', () => {
    writeFileSync(join(dir, 'a.yaml'), 'include: [b.yaml]\n')
    writeFileSync(join(dir, 'b.yaml'), 'include: [a.yaml]\n')
    expect(problemsOf('include: [a.yaml]\n', join(dir, 'main.yaml'))).toBe(
      `${join(dir, 'b.yaml')}:1 include[0]: includes itself through ${[join(dir, 'main.yaml'), join(dir, 'a.yaml'), join(dir, 'b.yaml'), join(dir, 'a.yaml')].join(' -> ')}`,
    )
  })
})
