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
  // Where the walk is, as segments of the source document, and the $refs being resolved on the way
  // there: pushed and popped as the walk goes, copied only into a problem (this runs at start-up).
  let at: string[] = []
  const refStack: string[] = []

  function walk(node: unknown): unknown {
    if (Array.isArray(node)) {
      const items = new Array<unknown>(node.length)
      for (let index = 0; index < node.length; index++) {
        at.push(String(index))
        items[index] = walk(node[index])
        at.pop()
      }
      return items
    }
    if (!isObject(node)) return node
    const ref = node['$ref']
    if (typeof ref !== 'string') return walkEntries(node, undefined)
    const target = resolve(ref)
    const walkedSiblings = walkEntries(node, '$ref')
    const siblings = Object.keys(walkedSiblings)
    if (siblings.length === 0) return target
    if (siblings.every((key) => annotationKeys.has(key) || key.startsWith('x-')) || !isObject(target)) {
      return isObject(target) ? { ...target, ...walkedSiblings } : target
    }
    // 2020-12: a $ref with validating siblings means both apply.
    return { ...walkedSiblings, allOf: [target] }
  }

  function walkEntries(node: Record<string, unknown>, skip: string | undefined): Record<string, unknown> {
    const walked: Record<string, unknown> = {}
    for (const key of Object.keys(node)) {
      if (key === skip) continue
      at.push(key)
      const value = walk(node[key])
      at.pop()
      // A key named __proto__ is data here, not the prototype.
      if (key === '__proto__') Object.defineProperty(walked, key, { value, enumerable: true, writable: true, configurable: true })
      else walked[key] = value
    }
    return walked
  }

  function resolve(ref: string): unknown {
    // Most $refs point at a component met before: answered before decoding the pointer again. A ref
    // is cached only once resolved, so one still being resolved (circular) is never found here.
    const cached = resolved.get(ref)
    if (cached !== undefined) return cached
    const segments = decodePointer(ref)
    if (segments === undefined) {
      problems.push({ at: [...at], message: `$ref '${ref}' is not a local pointer (only '#/...' is supported)` })
      return {}
    }
    if (refStack.includes(ref)) {
      problems.push({ at: [...at], message: `$ref '${ref}' is circular (${[...refStack, ref].join(' -> ')})` })
      return {}
    }
    const { found, value } = valueAt(source, segments)
    if (!found) {
      problems.push({ at: [...at], message: `$ref '${ref}' does not resolve` })
      return {}
    }
    const from = at
    at = segments
    refStack.push(ref)
    const result = walk(value)
    refStack.pop()
    at = from
    resolved.set(ref, result)
    return result
  }

  return { document: walk(source), problems }
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
