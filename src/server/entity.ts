// Turns a wire entity's field table into one function per served release that builds the entity as a
// single object literal: the keys the release lacks are left out when the function is made, not per
// request. What the serializer used to do for every record (list the keys, ask the release about each,
// copy the object without the missing ones) now happens once per release and entity.
import type { ServedRelease } from './served-release.js'

/** What a field's getter answers when this record has no such key (a runner nobody created has no `created_by`). */
export const ABSENT: unique symbol = Symbol('absent')
export type Absent = typeof ABSENT

/** How each key of the entity is read from its sources, in the order GitLab sends the keys. */
/** What an entity is built from: at most as many sources as the compiled function passes on (PARAMS). */
export type Sources = unknown[] & { length: 0 | 1 | 2 | 3 | 4 | 5 }

export type Fields<A extends unknown[], T> = { [K in keyof T]-?: (...args: A) => T[K] | Absent }

/** Getters whose key some records lack: they may answer ABSENT. */
const mayBeAbsent = new WeakSet<(...args: never[]) => unknown>()

/** Marks a getter whose key some records lack (it answers ABSENT for those). */
export function maybe<G extends (...args: never[]) => unknown>(getter: G): G {
  mayBeAbsent.add(getter)
  return getter
}

/** Arguments the built functions pass on to every getter: entities take up to five sources (`Sources`). */
const PARAMS = ['a', 'b', 'c', 'd', 'e']
const CALL = `(${PARAMS.join(', ')})`

/**
 * An entity fitted to the served release: `fieldsFor` answers the getters for a release (behaviour
 * switches decided there, once), and keys the release does not have (`release.has('property',
 * 'Schema.key')`) are left out. The result builds the entity; it is made on a release's first use.
 */
export function fittedEntity<A extends Sources, T extends object>(
  schema: string,
  fieldsFor: (release: ServedRelease) => Fields<A, T>,
): (release: ServedRelease) => (...args: A) => T {
  const built = new WeakMap<ServedRelease, (...args: A) => T>()
  return (release) => {
    let build = built.get(release)
    if (build === undefined) {
      const fields = fieldsFor(release) as Record<string, (...args: A) => unknown>
      const kept = Object.keys(fields).filter((key) => release.has('property', `${schema}.${key}`))
      build = compileLiteral<A, T>(schema, kept.map((key) => [key, fields[key]!]))
      built.set(release, build)
    }
    return build
  }
}

/**
 * One function that evaluates the keys that may be absent first, then returns one of the object
 * literals for the combination present: every entity it builds has the same few shapes, keys in order.
 */
function compileLiteral<A extends Sources, T>(name: string, fields: [string, (...args: A) => unknown][]): (...args: A) => T {
  const optional = fields.flatMap(([, getter], index) => (mayBeAbsent.has(getter) ? [index] : []))
  // Each optional key doubles the literals; entities have at most two.
  if (optional.length > 4) throw new Error(`entity ${name} has ${optional.length} optional keys: at most 4`)
  const entry = (index: number) => `${JSON.stringify(fields[index]![0])}: ${optional.includes(index) ? `m${index}` : `g${index}${CALL}`}`
  const literal = (present: ReadonlySet<number>) =>
    `return { ${fields.flatMap((_, index) => (optional.includes(index) && !present.has(index) ? [] : [entry(index)])).join(', ')} }`
  const branch = (rest: number[], present: ReadonlySet<number>): string => {
    if (rest.length === 0) return literal(present)
    const [next, ...others] = rest as [number, ...number[]]
    return `if (m${next} !== ABSENT) { ${branch(others, new Set([...present, next]))} } else { ${branch(others, present)} }`
  }
  const body = `${optional.map((index) => `const m${index} = g${index}${CALL};`).join(' ')} ${branch(optional, new Set())}`
  const getters = fields.map((_, index) => `g${index}`)
  const identifier = name.replace(/\W/g, '_')
  // Code from our own field table (keys are JSON-quoted), never from input.
  const make = new Function('ABSENT', ...getters, `return function ${identifier}${CALL} { ${body} }`) as (...values: unknown[]) => (...args: A) => T
  return make(ABSENT, ...fields.map(([, getter]) => getter))
}
