// The shipped contract inlined at build time (src/contract/prebuilt-dereference.ts) reads back as the
// tree inlining makes: equal value for value, and sharing the same objects in the same places (ajv
// caches by identity, and a copy where one object was would compile a schema twice).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { dereference } from '../../src/contract/dereference.js'
import { DEREFERENCE_MODULES, decodeSharedTree, encodeSharedTree, prebuildDereferenced, readSharedTree } from '../../src/contract/prebuilt-dereference.js'
import { profileFor } from '../../src/profile/profile.js'
import { modulesImportedFrom } from '../helpers/module-imports.js'
import { NEWEST_RELEASE } from '../../src/profile/release.js'

const source = () => JSON.parse(readFileSync(new URL('../../openapi/generated/gitlab-runners.json', import.meta.url), 'utf8')).data as Record<string, unknown>
const inlined = () => dereference(profileFor(source(), NEWEST_RELEASE).document).document

/** Walks `a` and `b` together: the objects of each pair, in a map that must stay one-to-one. */
function expectSameSharing(a: unknown, b: unknown): void {
  const aToB = new Map<object, object>()
  const bToA = new Map<object, object>()
  const walk = (x: unknown, y: unknown, at: string): void => {
    if (x === null || typeof x !== 'object' || y === null || typeof y !== 'object') return
    const seenX = aToB.get(x)
    const seenY = bToA.get(y)
    if (seenX !== undefined || seenY !== undefined) {
      expect([at, seenX === y && seenY === x]).toEqual([at, true])
      return
    }
    aToB.set(x, y)
    bToA.set(y, x)
    for (const key of Object.keys(x)) walk((x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key], `${at}/${key}`)
  }
  walk(a, b, '#')
  expect(aToB.size).toBeGreaterThan(0)
}

describe('the shipped contract inlined at build time', () => {
  it('reads back equal to the tree inlining makes, sharing the same objects', () => {
    const tree = inlined()
    const made = prebuildDereferenced('0'.repeat(64), tree)
    const read = decodeSharedTree(JSON.parse(made.text) as Parameters<typeof decodeSharedTree>[0])
    expect(read).toStrictEqual(tree)
    expectSameSharing(read, tree)
  })

  it('writes each shared object once', () => {
    const { shared, links } = encodeSharedTree(inlined())
    // The Runner schema alone is used by several operations; shared objects are what makes the file small.
    expect(shared.length).toBeGreaterThan(50)
    expect(links.length).toBeGreaterThan(shared.length)
  })

  it('keeps objects met once apart, and one object met twice as one', () => {
    const one = { a: 1 }
    const inner = [one, { b: [one] }]
    const tree = { x: inner, y: { z: inner }, w: { a: 1 }, ['__proto__']: { p: one } }
    const read = decodeSharedTree(JSON.parse(JSON.stringify(encodeSharedTree(tree)))) as typeof tree & Record<string, { p: unknown }>
    expect(read.x).toBe(read.y.z)
    expect(read.x[0]).toBe((read.x[1] as { b: unknown[] }).b[0])
    expect(read.w).not.toBe(read.x[0])
    expect(read.w).toEqual({ a: 1 })
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype)
    expect(Object.getOwnPropertyDescriptor(read, '__proto__')?.value.p).toBe(read.x[0])
  })

  it('is not used when damaged: the contract is then inlined as before, with no error', () => {
    const made = prebuildDereferenced('0'.repeat(64), { a: { b: 1 }, c: [] })
    expect(readSharedTree(made.text)).toEqual({ a: { b: 1 }, c: [] })
    for (const damaged of [made.text.slice(0, 20), '', '[]', '{"tree":{},"shared":[],"links":[["tree","x","y",0]]}', '{"tree":1,"shared":[],"links":[]}']) {
      expect([damaged, readSharedTree(damaged)]).toEqual([damaged, undefined])
    }
  })

  it('is ASCII, so the start reads it as Latin-1', () => {
    const made = prebuildDereferenced('0'.repeat(64), { text: 'GitLab’s runner → “online”' })
    expect(/^[\t\n\r -~]*$/.test(made.text)).toBe(true)
    expect(decodeSharedTree(JSON.parse(Buffer.from(made.text, 'latin1').toString('latin1')))).toEqual({ text: 'GitLab’s runner → “online”' })
  })

  it('hashes every module the inlined document is made by', () => {
    // What derives the newest release's document and inlines it, and all they import for code.
    const modules = modulesImportedFrom('contract', ['./dereference', '../profile/profile', './prebuilt-dereference'])
    expect(modules.size).toBeGreaterThan(5)
    for (const module of modules) expect(DEREFERENCE_MODULES).toContain(module)
  })
})
