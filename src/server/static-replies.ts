// `serve --static`: answers from the contract's own examples, without state, like Prism's static
// mock. A client picks another documented answer with Prism's header, `Prefer: code=404` and/or
// `Prefer: example=<name>`; by default the first example of the lowest 2xx status is sent.
import type { Contract, Operation } from '../contract/index.js'
import type { Reply } from './respond.js'

interface ExampleSet {
  status: number
  headers: Record<string, string>
  /** Named examples of the JSON body, in document order; empty for a response without a body. */
  bodies: [string, unknown][]
}

type Node = Record<string, unknown>

const cache = new WeakMap<Operation, ExampleSet[]>()

/** The documented answer the client prefers; undefined when the operation documents none such. */
export function staticReply(contract: Contract, operation: Operation, prefer: string | undefined): Reply | undefined {
  const sets = examplesOf(contract, operation)
  const wanted = parsePrefer(prefer)
  const candidates = wanted.code === undefined ? sets.filter((set) => set.status < 300) : sets.filter((set) => set.status === wanted.code)
  // A named example must exist, as a named code must: falling back to another answer would hide the typo.
  const chosen = wanted.example === undefined ? candidates[0] : candidates.find((set) => set.bodies.some(([name]) => name === wanted.example))
  if (!chosen) return undefined
  const body = chosen.bodies.find(([name]) => name === wanted.example) ?? chosen.bodies[0]
  return { status: chosen.status, headers: chosen.headers, ...(body === undefined ? {} : { body: body[1] }) }
}

function parsePrefer(prefer: string | undefined): { code?: number; example?: string } {
  const wanted: { code?: number; example?: string } = {}
  for (const part of (prefer ?? '').split(',')) {
    const [key, value] = part.split('=').map((piece) => piece.trim())
    if (key === 'code' && value !== undefined && /^\d{3}$/.test(value)) wanted.code = Number(value)
    if (key === 'example' && value) wanted.example = value
  }
  return wanted
}

function examplesOf(contract: Contract, operation: Operation): ExampleSet[] {
  const known = cache.get(operation)
  if (known) return known
  const paths = contract.dereferenced.paths as Node
  const responses = ((paths[operation.path] as Node)[operation.method] as Node).responses as Node
  const sets = Object.entries(responses)
    .filter(([status]) => /^\d{3}$/.test(status))
    .map(([status, response]) => exampleSet(Number(status), response as Node))
    .sort((a, b) => a.status - b.status)
  cache.set(operation, sets)
  return sets
}

function exampleSet(status: number, response: Node): ExampleSet {
  const headers: Record<string, string> = {}
  for (const [name, header] of Object.entries((response.headers as Node | undefined) ?? {})) {
    const example = (header as Node).example
    if (typeof example === 'string') headers[name] = example
  }
  const media = ((response.content as Node | undefined) ?? {})['application/json'] as Node | undefined
  const bodies: [string, unknown][] = []
  if (media) {
    for (const [name, example] of Object.entries((media.examples as Node | undefined) ?? {})) bodies.push([name, (example as Node).value])
    if (bodies.length === 0 && 'example' in media) bodies.push(['example', media.example])
  }
  return { status, headers, bodies }
}
