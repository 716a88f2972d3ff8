// Header rules the contract cannot state per response because they depend on the request: a header optional
// for one kind of request is required for another. Checked on top of the contract's own header checks.

import type { Violation } from '../contract/index.js'

interface HeaderRule {
  operationId: string
  status: number
  /** Whether the rule applies to this request. */
  applies(query: URLSearchParams): boolean
  /** Why these headers are required here, for the finding's message. */
  when: string
  required: string[]
}

const rules: HeaderRule[] = [
  // The contract leaves these optional because keyset pages lack them; an offset page always has them
  // (reference §1.8 and §1.9). X-Total and X-Total-Pages stay optional: omitted above 10 000 and with system_id.
  {
    operationId: 'listRunnerJobs',
    status: 200,
    applies: (query) => query.get('pagination') !== 'keyset',
    when: 'offset pagination (the request has no pagination=keyset)',
    required: ['X-Per-Page', 'X-Page', 'X-Next-Page', 'X-Prev-Page'],
  },
]

export function requestHeaderViolations(operationId: string, url: URL, status: number, headers: Record<string, string>): Violation[] {
  const violations: Violation[] = []
  for (const rule of rules) {
    if (rule.operationId !== operationId || rule.status !== status || !rule.applies(url.searchParams)) continue
    for (const name of rule.required) {
      if (name.toLowerCase() in headers) continue
      violations.push({ operationId, status, where: 'header', instancePath: `/${name}`, keyword: 'required', message: `header ${name} is missing; it is required with ${rule.when}`, expected: name })
    }
  }
  return violations
}
