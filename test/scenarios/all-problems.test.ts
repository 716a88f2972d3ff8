// One run reports every problem of a scenario: schema and reference problems of every file it
// includes, each as `file:line path: problem`, and a mistake reported once (not again where it is
// referred to). Built-in scenarios can be included by name.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { parseScenario, ScenarioError } from '../../src/scenarios/load.js'

const NOW = Date.parse('2025-06-01T12:00:00.000Z')
const dir = mkdtempSync(join(tmpdir(), 'scenario-problems-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function problemsOf(text: string, file: string): string[] {
  try {
    parseScenario(text, file, { now: NOW })
  } catch (error) {
    if (error instanceof ScenarioError) return error.problems.map((p) => `${p.file}:${p.line} ${p.path}: ${p.message}`)
    throw error
  }
  throw new Error('the scenario loaded without a problem')
}

describe('every problem in one run', () => {
  it('reports schema and reference problems of one file together, top to bottom', () => {
    const text = `users:
  - username: root
    admin: yes please
  - username: dev
groups:
  - path: acme
    members: { nobody: developer }
projects:
  - path: nowhere/api
runners:
  - runner_type: project_type
    project: acme/missing
  - runner_type: instance_type
    created_by: root
    tag_list: []
    run_untagged: false
`
    expect(problemsOf(text, 'x.yaml')).toEqual([
      'x.yaml:3 users[0].admin: must be a boolean',
      "x.yaml:7 groups[0].members.nobody: no user 'nobody' (users are: dev)",
      "x.yaml:9 projects[0].path: no group or user 'nowhere' (groups are: none; users are: dev)",
      "x.yaml:12 runners[0].project: no project 'acme/missing' (projects are: none)",
      'x.yaml:15 runners[1].tag_list: can not be empty when runner is not allowed to pick untagged jobs',
    ])
  })

  it('reports problems of an included file and of the including one in the same run', () => {
    writeFileSync(join(dir, 'shared.yaml'), 'users:\n  - username: alice\n    state: sleeping\n')
    const main = join(dir, 'main.yaml')
    const problems = problemsOf('include: [shared.yaml]\ngroups:\n  - path: acme\n    visibility: secret\n', main)
    expect(problems).toHaveLength(2)
    expect(problems[0]).toMatch(/main\.yaml:4 groups\[0\]\.visibility: must be one of /)
    expect(problems[1]).toMatch(/shared\.yaml:3 users\[0\]\.state: must be one of active, /)
  })

  it('does not report a reference to an entity that has its own problem', () => {
    const text = 'users:\n  - username: alice\n    created_at: someday\nprojects:\n  - path: alice/app\n'
    const problems = problemsOf(text, 'y.yaml')
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^y\.yaml:3 users\[0\]\.created_at: /)
  })
})

describe('include by name', () => {
  it('includes a built-in scenario by its name', () => {
    const world = parseScenario('include: [default]\nusers:\n  - username: newcomer\n', join(dir, 'own.yaml'), { now: NOW })
    expect(world.users.map((u) => u.username)).toContain('newcomer')
    expect(world.runners.length).toBeGreaterThan(10)
  })

  it('names the built-in scenarios when the name is not one', () => {
    expect(problemsOf('include: [defualt]\n', join(dir, 'own.yaml'))[0]).toMatch(/own\.yaml:1 include\[0\]: cannot read .*defualt\.yaml: ENOENT \(a bare name is a built-in scenario: .*default.*empty/)
  })
})
