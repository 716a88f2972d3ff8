// Picks, from any world, one ready-to-use token per kind of caller a frontend developer wants to try:
// an administrator, a group owner, a project maintainer, a developer and an outsider.
import { DEVELOPER, MAINTAINER, OWNER, type WorldData } from '../store/records.js'

export interface Persona {
  role: string
  username: string
  token: string
}

export function findPersonas(data: Pick<WorldData, 'users' | 'accessTokens' | 'groups' | 'projects'>): Persona[] {
  const usableToken = (userId: number) =>
    data.accessTokens.find((t) => t.userId === userId && !t.revoked && t.expiresAt === null && t.scopes.includes('api'))
  const levelsOf = (userId: number) => [
    ...data.groups.flatMap((g) => g.members.filter((m) => m.userId === userId).map((m) => ({ kind: 'group', level: m.accessLevel }))),
    ...data.projects.flatMap((p) => p.members.filter((m) => m.userId === userId).map((m) => ({ kind: 'project', level: m.accessLevel }))),
  ]
  const roles: [string, (userId: number) => boolean][] = [
    ['administrator', (id) => data.users.find((u) => u.id === id)?.admin === true],
    ['group owner', (id) => levelsOf(id).some((l) => l.kind === 'group' && l.level === OWNER)],
    ['project maintainer', (id) => levelsOf(id).some((l) => l.kind === 'project' && l.level === MAINTAINER)],
    ['developer', (id) => levelsOf(id).some((l) => l.level === DEVELOPER)],
    ['outsider', (id) => levelsOf(id).length === 0 && data.users.find((u) => u.id === id)?.admin === false],
  ]
  const personas: Persona[] = []
  const taken = new Set<number>()
  for (const [role, fits] of roles) {
    const user = data.users.find((u) => !taken.has(u.id) && u.state === 'active' && fits(u.id) && usableToken(u.id))
    if (!user) continue
    taken.add(user.id)
    personas.push({ role, username: user.username, token: usableToken(user.id)!.token })
  }
  return personas
}
