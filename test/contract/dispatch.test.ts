// The precompiled dispatch against the plain reading of the routing rules (a linear scan that ranks
// static segments before templates), over every route of the real contract and odd variants of it.
import { describe, expect, it } from 'vitest'
import { findOperation, loadContract, type Operation } from '../../src/contract/index.js'
import { httpMethods } from '../../src/contract/operations.js'

const contract = loadContract()

function reference(method: string, requestPath: string): { operationId: string; pathParams: Record<string, string> } | undefined {
  let path = requestPath.split('?')[0]!.split('#')[0]!
  if (path === '/api/v4' || path.startsWith('/api/v4/')) path = path.slice('/api/v4'.length)
  const segments = path.split('/').slice(1)
  let best: { operation: Operation; rank: number[]; params: Record<string, string> } | undefined
  for (const operation of contract.operations.values()) {
    const template = operation.path.split('/').slice(1)
    if (operation.method !== method.toLowerCase() || template.length !== segments.length) continue
    const params: Record<string, string> = {}
    let matched = true
    for (const [index, part] of template.entries()) {
      const value = segments[index]!
      if (part.startsWith('{')) {
        let decoded: string | undefined
        try {
          decoded = value === '' ? undefined : decodeURIComponent(value)
        } catch {
          decoded = undefined
        }
        if (decoded === undefined) matched = false
        else params[part.slice(1, -1)] = decoded
      } else if (part !== value) matched = false
    }
    if (!matched) continue
    const rank = template.map((part) => (part.startsWith('{') ? 1 : 0))
    const differs = rank.findIndex((value, i) => value !== best?.rank[i])
    const better = best === undefined || (differs !== -1 && rank[differs]! < best.rank[differs]!)
    if (better) best = { operation, rank, params }
  }
  return best && { operationId: best.operation.operationId, pathParams: best.params }
}

const VALUES = ['5', 'all', 'group%2Fproject', '%zz', '', 'verify', 'reset_registration_token', 'a b']

function variants(template: string): string[] {
  const out = new Set<string>()
  for (const value of VALUES) out.add(template.replace(/\{[^}]+\}/g, value))
  out.add(template.replace(/\{[^}]+\}/g, '7') + '/')
  out.add(template.replace(/\{[^}]+\}/g, '7') + '?private_token=x#top')
  out.add(template.replace(/\{[^}]+\}/g, '7').split('/').slice(0, -1).join('/'))
  return [...out]
}

describe('the precompiled dispatch', () => {
  const paths = [...contract.operations.values()].flatMap((operation) => variants(operation.path))
  const requests = httpMethods.flatMap((method) => paths.flatMap((path) => [[method.toUpperCase(), `/api/v4${path}`], [method, path]]))

  it('finds what the linear scan finds, for every route and odd variants of it', () => {
    const differing = requests.filter(([method, path]) => {
      const match = findOperation(contract, method!, path!)
      const found = match && { operationId: match.operation.operationId, pathParams: match.pathParams }
      return JSON.stringify(found) !== JSON.stringify(reference(method!, path!))
    })
    expect(differing).toEqual([])
    expect(requests.length).toBeGreaterThan(1000)
  })

  it('ranks static segments first and keeps %2F inside a segment', () => {
    expect(findOperation(contract, 'GET', '/api/v4/runners/all')?.operation.operationId).toBe('listAllRunners')
    expect(findOperation(contract, 'GET', '/api/v4/projects/a%2Fb/runners')?.pathParams).toEqual({ id: 'a/b' })
  })
})
