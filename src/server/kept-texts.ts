// The JSON text of each runner a list wrote, kept for the next page that shows the same runner: a page
// is then its runners' texts joined, with no entity built and nothing stringified (JSON.stringify of a
// page was a third of a list request). A kept text is reused only while nothing it was written from
// can have changed:
// - the same record object, in the same world, which has changed nothing since (World.revision counts
//   every record it handed out for writing and every runner or manager added or removed: a runner's
//   fields, its managers' addresses, the instance's URL, all go through it; a fork copies a record
//   before changing it, so a copy is another object, and every world keeps its own texts);
// - the same values that follow the clock (a runner's status and online), computed for every request
//   and compared: a session reading the shared pristine world at its own time gets its own answer;
// - the same served release and entity: one set of texts per release and entity, each compiled apart.
// Whole pages are kept on the same terms (the same records with the same clock-following values, in
// the same order): a page asked for again is the same text, and the same bytes (encoding 10 KB of
// text for the socket, and counting its bytes, were a fifth of a list request).
// Bounded: one text per slot, slots chosen by runner id, so a 100k-runner world keeps at most SLOTS;
// and PAGE_SLOTS pages, chosen by their first runner and length.
import type { World } from '../store/world.js'

/** A record, by the id that picks its slot. */
interface Identified {
  readonly id: number
}

const SLOTS = 1024
const PAGE_SLOTS = 16

/**
 * JSON text the serializer wrote itself (a page of runners joined from their kept texts): the responder
 * sends its bytes as they are. Whoever turns it into JSON anyway (JSON.stringify, the self-check
 * walking it) gets the same value back.
 */
export class WrittenJson {
  private encoded: Buffer | undefined

  constructor(readonly text: string) {}

  /** The text as UTF-8, encoded on first ask and kept: a kept page is encoded once. */
  get bytes(): Buffer {
    return (this.encoded ??= Buffer.from(this.text))
  }

  toJSON(): unknown {
    return JSON.parse(this.text) as unknown
  }
}

/** A page as it was written: its records and their clock-following values, in order. */
interface KeptPage {
  records: readonly Identified[]
  moments: readonly unknown[]
  extras: readonly unknown[]
  written: WrittenJson
}

/** The kept texts of one entity, for one world and served release. */
export class KeptTexts {
  private revision: number
  private readonly records: (Identified | undefined)[] = new Array<Identified | undefined>(SLOTS).fill(undefined)
  private readonly texts: string[] = new Array<string>(SLOTS).fill('')
  /** What the text says that follows the clock (a status word, online), as `moment` was given. */
  private readonly moments: unknown[] = new Array<unknown>(SLOTS).fill(undefined)
  private readonly extras: unknown[] = new Array<unknown>(SLOTS).fill(undefined)
  private readonly pages: (KeptPage | undefined)[] = new Array<KeptPage | undefined>(PAGE_SLOTS).fill(undefined)

  constructor(private readonly world: World) {
    this.revision = world.revision
  }

  /** Forgets everything once the world changed anything (called once per reply, before any `text`). */
  catchUp(): void {
    if (this.revision === this.world.revision) return
    this.records.fill(undefined)
    this.pages.fill(undefined)
    this.revision = this.world.revision
  }

  /** The text kept for `record` written when its clock-following values were `moment` and `extra`. */
  text(record: Identified, moment: unknown, extra: unknown): string | undefined {
    const slot = record.id & (SLOTS - 1)
    return this.records[slot] === record && this.moments[slot] === moment && this.extras[slot] === extra ? this.texts[slot] : undefined
  }

  keep(record: Identified, moment: unknown, extra: unknown, text: string): void {
    const slot = record.id & (SLOTS - 1)
    this.records[slot] = record
    this.moments[slot] = moment
    this.extras[slot] = extra
    this.texts[slot] = text
  }

  /** The page kept for exactly these records with these clock-following values, in this order. */
  page(records: readonly Identified[], moments: readonly unknown[], extras: readonly unknown[]): WrittenJson | undefined {
    const kept = this.pages[pageSlot(records)]
    if (kept === undefined || kept.records.length !== records.length) return undefined
    for (let index = 0; index < records.length; index++) {
      if (kept.records[index] !== records[index] || kept.moments[index] !== moments[index] || kept.extras[index] !== extras[index]) return undefined
    }
    return kept.written
  }

  keepPage(records: readonly Identified[], moments: readonly unknown[], extras: readonly unknown[], written: WrittenJson): void {
    // A copy: the caller may reuse its list.
    this.pages[pageSlot(records)] = { records: records.slice(), moments, extras, written }
  }
}

function pageSlot(records: readonly Identified[]): number {
  return records.length === 0 ? 0 : (records[0]!.id * 31 + records.length) & (PAGE_SLOTS - 1)
}

/** Kept texts by entity (one key per compiled entity and release), then world. */
const kept = new WeakMap<object, WeakMap<World, KeptTexts>>()

/** The kept texts of the entity `key` (e.g. the compiled entity function) in `world`, brought up to date. */
export function keptTexts(key: object, world: World): KeptTexts {
  let byWorld = kept.get(key)
  if (byWorld === undefined) kept.set(key, (byWorld = new WeakMap()))
  let texts = byWorld.get(world)
  if (texts === undefined) byWorld.set(world, (texts = new KeptTexts(world)))
  texts.catchUp()
  return texts
}
