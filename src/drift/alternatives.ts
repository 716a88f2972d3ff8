// Where a body may take several shapes (oneOf/anyOf, e.g. a 401 that is either `{message}` or OAuth's
// `{error, error_description}`), ajv reports what every alternative dislikes. A reader needs only what the
// closest alternative dislikes: the others did not apply, and listing them buries the one real finding.

import type { Violation } from '../contract/index.js'

const combinators = new Set(['oneOf', 'anyOf'])

// A branch whose very type differs (an object where it wants a string) is the farthest a branch can be.
const ROOT_TYPE_MISMATCH = 100

export function closestAlternatives(violations: readonly Violation[]): Violation[] {
  let kept = [...violations]
  // Outermost first: once a branch is dropped, the combinators nested inside it go with it.
  const failures = violations.filter(isCombinatorFailure).sort((a, b) => (a.schemaPath ?? '').length - (b.schemaPath ?? '').length)
  for (const failure of failures) {
    if (!kept.includes(failure)) continue
    const branches = new Map<number, Violation[]>()
    for (const violation of kept) {
      const branch = branchOf(failure, violation)
      if (branch !== undefined) branches.set(branch, [...(branches.get(branch) ?? []), violation])
    }
    // oneOf also fails when two branches match: then no branch complains, and the failure itself is the finding.
    if (branches.size === 0) continue
    const [closest] = [...branches.entries()].sort(([a, aErrors], [b, bErrors]) => distance(failure, aErrors) - distance(failure, bErrors) || a - b)
    const dropped = new Set([failure, ...[...branches.entries()].filter(([branch]) => branch !== closest![0]).flatMap(([, errors]) => errors)])
    kept = kept.filter((violation) => !dropped.has(violation))
  }
  return kept
}

function isCombinatorFailure(violation: Violation): boolean {
  return violation.where === 'body' && combinators.has(violation.keyword) && violation.schemaPath !== undefined
}

/** The index of the alternative of `failure` that `violation` comes from, if it comes from one. */
function branchOf(failure: Violation, violation: Violation): number | undefined {
  if (violation === failure || violation.schemaPath === undefined) return undefined
  const prefix = `${failure.schemaPath}/`
  if (!violation.schemaPath.startsWith(prefix)) return undefined
  // The same schema applies to every item of an array: only this item's complaints belong to this failure.
  const at = failure.instancePath
  if (at !== '' && violation.instancePath !== at && !violation.instancePath.startsWith(`${at}/`)) return undefined
  const index = /^(\d+)(?:\/|$)/.exec(violation.schemaPath.slice(prefix.length))?.[1]
  return index === undefined ? undefined : Number(index)
}

function distance(failure: Violation, errors: readonly Violation[]): number {
  return errors.reduce((sum, error) => sum + (error.keyword === 'type' && error.instancePath === failure.instancePath ? ROOT_TYPE_MISMATCH : 1), 0)
}
