// The bit sets and layered maps under the runner indexes: counting, paging, forking.
import { describe, expect, it } from 'vitest'
import { Bits } from '../../src/store/bits.js'
import { LayeredMap } from '../../src/store/layered-map.js'

function bitsOf(...slots: number[]): Bits {
  const bits = new Bits()
  for (const slot of slots) bits.add(slot)
  return bits
}

describe('Bits', () => {
  it('intersects, subtracts and unites sets of different lengths', () => {
    const wide = bitsOf(1, 31, 32, 100, 1000)
    const narrow = bitsOf(31, 100)
    const and = wide.copy()
    and.and(narrow)
    const andNot = wide.copy()
    andNot.andNot(narrow)
    const or = narrow.copy()
    or.or(bitsOf(5000))
    expect([[...and], [...andNot], [...or], wide.count()]).toEqual([[31, 100], [1, 32, 1000], [31, 100, 5000], 5])
  })

  it('slices a page by skipping whole words by their count', () => {
    const bits = bitsOf(...Array.from({ length: 200 }, (_, i) => i * 3))
    expect([bits.slice(0, 3), bits.slice(150, 3), bits.slice(198, 5), bits.slice(500, 5)]).toEqual([[0, 3, 6], [450, 453, 456], [594, 597], []])
  })

  it('trims the room kept for growth and grows again past it, and counts either way', () => {
    const bits = bitsOf(3, 40, 70)
    bits.delete(70)
    bits.trim()
    const sized = Bits.withRoomFor(100)
    sized.add(99)
    const spans = [bits.span, sized.span]
    bits.add(500)
    expect([spans, [...bits], bits.count(), [...sized], Bits.withRoomFor(0).count(), new Bits().span]).toEqual([[2, 4], [3, 40, 500], 3, [99], 0, 0])
  })

  it('leaves the original alone when a copy changes', () => {
    const original = bitsOf(7)
    const copy = original.copy()
    copy.add(8)
    copy.delete(7)
    expect([[...original], [...copy], original.has(7), copy.has(7)]).toEqual([[7], [8], true, false])
  })
})

describe('LayeredMap', () => {
  it('keeps a fork and its source apart both ways, through deletions', () => {
    const source = LayeredMap.of([[1, 'a'], [2, 'b']])
    const fork = source.fork()
    fork.set(3, 'c')
    fork.delete(1)
    source.set(2, 'B')
    source.set(4, 'd')
    expect([[...source.entries()].sort(), source.size, [...fork.entries()].sort(), fork.size]).toEqual([
      [[1, 'a'], [2, 'B'], [4, 'd']], 3, [[2, 'b'], [3, 'c']], 2,
    ])
  })

  it('forks a map with nothing of its own without stacking layers', () => {
    const root = LayeredMap.of([[1, 'a']])
    const forks = Array.from({ length: 50 }, () => root.fork())
    forks[0]?.set(1, 'changed')
    expect([root.get(1), forks[1]?.get(1), forks[0]?.get(1), forks[49]?.has(1)]).toEqual(['a', 'a', 'changed', true])
  })

  it('takes over a plain Map when empty, as a map of its own that forks like any other', () => {
    const taken = LayeredMap.empty<number, string>()
    taken.takeOver(new Map([[1, 'a'], [2, 'b']]))
    const fork = taken.fork()
    fork.delete(1)
    taken.set(3, 'c')
    expect([[...taken.entries()], taken.size, [...fork.entries()], fork.size]).toEqual([[[1, 'a'], [2, 'b'], [3, 'c']], 3, [[2, 'b']], 1])
  })

  it('refuses to take over when it holds entries or was forked, where the entries below would be lost', () => {
    const holding = LayeredMap.of([[1, 'a']])
    expect(() => holding.takeOver(new Map([[2, 'b']]))).toThrow(/empty map that was never forked/)
    const forked = LayeredMap.of([[1, 'a']]).fork()
    forked.delete(1)
    expect(() => forked.takeOver(new Map())).toThrow(/empty map that was never forked/)
    expect([[...holding.entries()], forked.size]).toEqual([[[1, 'a']], 0])
  })
})
