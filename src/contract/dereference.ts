// Inlines the contract's internal $refs so validators and handlers read plain trees. Only local
// pointers (`#/...`) are supported: the contract is one self-contained file.
import { decodePointer, isObject, valueAt } from './pointer.js'

export interface RefProblem {
  /** Where the offending `$ref` sits, as path segments of the source document. */
  at: string[]
  message: string
}

// Keys that may sit beside a `$ref` and only describe it; anything else must also validate.
const annotationKeys = new Set(['description', 'summary', 'title', 'deprecated', 'example', 'examples', 'default', 'readOnly', 'writeOnly', '$comment', 'externalDocs'])

export function dereference(source: unknown): { document: unknown; problems: RefProblem[] } {
  const problems: RefProblem[] = []
  // One resolved tree per target, so shared components stay one object (ajv caches by identity).
  const resolved = new Map<string, unknown>()

  function walk(node: unknown, at: string[], refStack: string[]): unknown {
    if (Array.isArray(node)) return node.map((item, index) => walk(item, [...at, String(index)], refStack))
    if (!isObject(node)) return node
    const ref = node['$ref']
    if (typeof ref !== 'string') {
      return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, walk(value, [...at, key], refStack)]))
    }
    const target = resolve(ref, at, refStack)
    const siblings = Object.entries(node).filter(([key]) => key !== '$ref')
    if (siblings.length === 0) return target
    const walkedSiblings = Object.fromEntries(siblings.map(([key, value]) => [key, walk(value, [...at, key], refStack)]))
    if (siblings.every(([key]) => annotationKeys.has(key) || key.startsWith('x-')) || !isObject(target)) {
      return isObject(target) ? { ...target, ...walkedSiblings } : target
    }
    // 2020-12: a $ref with validating siblings means both apply.
    return { ...walkedSiblings, allOf: [target] }
  }

  function resolve(ref: string, at: string[], refStack: string[]): unknown {
    const segments = decodePointer(ref)
    if (segments === undefined) {
      problems.push({ at, message: `$ref '${ref}' is not a local pointer (only '#/...' is supported)` })
      return {}
    }
    if (refStack.includes(ref)) {
      problems.push({ at, message: `$ref '${ref}' is circular (${[...refStack, ref].join(' -> ')})` })
      return {}
    }
    const cached = resolved.get(ref)
    if (cached !== undefined) return cached
    const { found, value } = valueAt(source, segments)
    if (!found) {
      problems.push({ at, message: `$ref '${ref}' does not resolve` })
      return {}
    }
    const result = walk(value, segments, [...refStack, ref])
    resolved.set(ref, result)
    return result
  }

  return { document: walk(source, [], []), problems }
}

/**
 * Maps a path through the dereferenced tree back to where it is written in the source, following
 * each `$ref` on the way, so a problem inside a shared component is reported at the component.
 */
export function sourcePath(source: unknown, start: readonly string[], rest: readonly string[]): string[] {
  let at = [...start]
  let node = valueAt(source, at).value
  const queue = [...rest]
  let hops = 0
  while (queue.length > 0) {
    const segment = queue[0]!
    if (isObject(node) && typeof node['$ref'] === 'string' && !Object.hasOwn(node, segment) && hops < 64) {
      const target = decodePointer(node['$ref'])
      if (target === undefined) break
      hops++
      // The `allOf: [target]` wrapper of a $ref with validating siblings does not exist in the source.
      if (segment === 'allOf' && queue[1] === '0') queue.splice(0, 2)
      at = target
      node = valueAt(source, at).value
      continue
    }
    queue.shift()
    at = [...at, segment]
    node = valueAt(node, [segment]).value
  }
  return at
}
