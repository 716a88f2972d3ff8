// A map that forks in constant time: a fork reads through to a frozen snapshot and keeps only its own
// changes, so a session's first write on a 100 000-runner world does not copy 100 000 entries.

/** Marks a key deleted in this layer although a lower layer still holds it. */
const GONE: unique symbol = Symbol('gone')
type Slot<V> = V | typeof GONE

export class LayeredMap<K, V> implements ReadonlyMap<K, V> {
  private own = new Map<K, Slot<V>>()
  private count = 0

  /** `below` must never change again: every layer built on it reads it. */
  private constructor(private below: LayeredMap<K, V> | undefined) {
    this.count = below?.count ?? 0
  }

  static empty<K, V>(): LayeredMap<K, V> {
    return new LayeredMap<K, V>(undefined)
  }

  static of<K, V>(entries: Iterable<readonly [K, V]>): LayeredMap<K, V> {
    const map = LayeredMap.empty<K, V>()
    for (const [key, value] of entries) map.set(key, value)
    return map
  }

  /**
   * A map that starts as this one and changes on its own. Both this map and the fork stay writable:
   * what this layer holds moves into a frozen snapshot under both, so neither sees the other's changes.
   * A layer with nothing of its own forks without a new snapshot, so repeated forks stay shallow.
   */
  fork(): LayeredMap<K, V> {
    if (this.own.size > 0) {
      const snapshot = new LayeredMap<K, V>(this.below)
      snapshot.own = this.own
      snapshot.count = this.count
      this.own = new Map()
      this.below = snapshot
    }
    return new LayeredMap<K, V>(this.below)
  }

  /**
   * Makes this map, empty and never forked, hold exactly `entries`, taken over rather than copied:
   * a new world's runners go in through a plain Map, ~3x faster per entry than `set`.
   */
  takeOver(entries: Map<K, V>): void {
    if (this.count > 0 || this.below !== undefined) throw new Error('takeOver fills an empty map that was never forked')
    this.own = entries
    this.count = entries.size
  }

  get size(): number {
    return this.count
  }

  get(key: K): V | undefined {
    const slot = this.own.get(key)
    if (slot !== undefined) return slot === GONE ? undefined : slot
    return this.below?.get(key)
  }

  has(key: K): boolean {
    return this.get(key) !== undefined
  }

  set(key: K, value: V): this {
    if (!this.has(key)) this.count += 1
    this.own.set(key, value)
    return this
  }

  delete(key: K): boolean {
    if (!this.has(key)) return false
    this.count -= 1
    if (this.below?.has(key)) this.own.set(key, GONE)
    else this.own.delete(key)
    return true
  }

  *entries(): MapIterator<[K, V]> {
    if (this.below) {
      for (const entry of this.below.entries()) if (!this.own.has(entry[0])) yield entry
    }
    for (const [key, slot] of this.own) if (slot !== GONE) yield [key, slot]
  }

  *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key
  }

  *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value
  }

  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries()
  }

  forEach(callback: (value: V, key: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [key, value] of this.entries()) callback(value, key, this)
  }
}
