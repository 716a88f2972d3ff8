// Where a journal keeps its entries' bytes: one buffer used as a ring, outside the JavaScript heap.
// An entry is a run of bytes the codec wrote; the ring only places runs and evicts them, oldest
// first, when `limit` entries are kept or the next one needs bytes the budget has not left.
// Nothing here is a JavaScript object per entry: the young-generation GC copies every young object
// still alive, and ~500 kept entries as objects were most of each scavenge's pause (the details p99).

// Where a ring starts: a session that sends a few requests never holds the whole budget.
const FIRST_CAPACITY = 8 * 1024

export class JournalRing {
  private bytes: Buffer | undefined
  /** Where each kept entry's bytes start, and how many, by slot (entry number modulo `limit`). */
  private readonly starts: Uint32Array
  private readonly sizes: Uint32Array
  /** The newest entry when it alone is larger than the budget: kept in a buffer of its own. */
  private oversize: Buffer | undefined
  private oversizeEntry = -1
  /** Entry numbers: the oldest kept one, and the one the next entry gets (kept = first ≤ n < next). */
  private first = 0
  private next = 0
  /** Where the newest entry's bytes end: the next entry goes here if it fits. */
  private tail = 0

  constructor(
    /** Most entries kept. */
    readonly limit: number,
    /** Most bytes kept, but for one newest entry larger than the whole budget. */
    readonly budget: number,
  ) {
    this.starts = new Uint32Array(limit)
    this.sizes = new Uint32Array(limit)
  }

  /** Kept entries, oldest first, are numbered `oldest` to `newest` (inclusive); none when oldest > newest. */
  get oldest(): number {
    return this.first
  }

  get newest(): number {
    return this.next - 1
  }

  /** The slot of entry `n` in columns of `limit` values (the journal keeps its numbers there). */
  slotOf(n: number): number {
    return n % this.limit
  }

  /** The buffer entry `n`'s bytes are in, from `startOf(n)` for `sizeOf(n)` bytes. */
  bufferOf(n: number): Buffer {
    return n === this.oversizeEntry ? this.oversize! : this.bytes!
  }

  startOf(n: number): number {
    return this.starts[this.slotOf(n)]!
  }

  sizeOf(n: number): number {
    return this.sizes[this.slotOf(n)]!
  }

  /**
   * Makes room for a newest entry of `size` bytes (at least 1), evicting the oldest ones as needed, and
   * returns its number: the caller writes its bytes at `bufferOf(n)` from `startOf(n)`.
   */
  append(size: number): number {
    if (this.limit <= 0) throw new RangeError('a journal that keeps no entries has no room for one')
    if (this.next - this.first === this.limit) this.evictOldest()
    // The budget bounds what is kept with the newest entry: a new one always evicts an oversize one.
    if (this.oversizeEntry >= this.first) this.evictOldest()
    const n = this.next
    const slot = this.slotOf(n)
    if (size > this.budget) {
      // Larger than the whole budget: everything older goes and it is kept alone, in a buffer of its
      // own, so the newest request is always in the journal (and the ring never grows past the budget).
      this.first = n
      this.tail = 0
      this.oversize = Buffer.allocUnsafeSlow(size)
      this.oversizeEntry = n
      this.starts[slot] = 0
    } else {
      const start = this.place(size)
      this.starts[slot] = start
      this.tail = start + size
    }
    this.sizes[slot] = size
    this.next = n + 1
    return n
  }

  /** Forgets every entry; numbering goes on. */
  clear(): void {
    this.first = this.next
    this.tail = 0
    this.dropOversize()
  }

  /** Where `size` contiguous bytes fit, after evicting the oldest entries (or growing) as needed. */
  private place(size: number): number {
    for (;;) {
      const capacity = this.bytes?.length ?? 0
      if (this.first === this.next) {
        this.tail = 0
        if (size <= capacity) return 0
      } else {
        const head = this.startOf(this.first)
        if (head < this.tail) {
          // Kept bytes run from head to tail: free after the tail, then before the head.
          if (this.tail + size <= capacity) return this.tail
          if (size <= head) return 0
        } else if (this.tail + size <= head) {
          // Kept bytes wrap around the end: free between the tail and the head.
          return this.tail
        }
      }
      if (capacity < this.budget) this.grow(size)
      else this.evictOldest()
    }
  }

  /**
   * A larger buffer (doubling, at most the budget) with the kept entries copied to its start, in
   * order. Never holds an oversize entry: append() evicts that before placing another.
   */
  private grow(size: number): void {
    const old = this.bytes
    let kept = 0
    for (let n = this.first; n < this.next; n++) kept += this.sizeOf(n)
    const capacity = Math.min(this.budget, Math.max(FIRST_CAPACITY, 2 * (old?.length ?? 0), kept + size))
    const bytes = Buffer.allocUnsafeSlow(capacity)
    let at = 0
    for (let n = this.first; n < this.next; n++) {
      const slot = this.slotOf(n)
      old!.copy(bytes, at, this.starts[slot]!, this.starts[slot]! + this.sizes[slot]!)
      this.starts[slot] = at
      at += this.sizes[slot]!
    }
    this.bytes = bytes
    this.tail = at
  }

  private evictOldest(): void {
    if (this.first === this.oversizeEntry) this.dropOversize()
    this.first++
    if (this.first === this.next) this.tail = 0
  }

  private dropOversize(): void {
    this.oversize = undefined
    this.oversizeEntry = -1
  }
}
