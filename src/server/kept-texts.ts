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
// Bounded: one text per slot, slots chosen by runner id, so a 100k-runner world keeps at most SLOTS.
import type { World } from '../store/world.js'

const SLOTS = 1024

/** The kept texts of one entity, for one world and served release. */
export class KeptTexts {
  private revision: number
  private readonly records: (object | undefined)[] = new Array<object | undefined>(SLOTS).fill(undefined)
  private readonly texts: string[] = new Array<string>(SLOTS).fill('')
  /** What the text says that follows the clock (a status word, online), as `moment` was given. */
  private readonly moments: unknown[] = new Array<unknown>(SLOTS).fill(undefined)
  private readonly extras: unknown[] = new Array<unknown>(SLOTS).fill(undefined)

  constructor(private readonly world: World) {
    this.revision = world.revision
  }

  /** Forgets everything once the world changed anything (called once per reply, before any `text`). */
  catchUp(): void {
    if (this.revision === this.world.revision) return
    this.records.fill(undefined)
    this.revision = this.world.revision
  }

  /** The text kept for `record` written when its clock-following values were `moment` and `extra`. */
  text(id: number, record: object, moment: unknown, extra: unknown): string | undefined {
    const slot = id & (SLOTS - 1)
    return this.records[slot] === record && this.moments[slot] === moment && this.extras[slot] === extra ? this.texts[slot] : undefined
  }

  keep(id: number, record: object, moment: unknown, extra: unknown, text: string): void {
    const slot = id & (SLOTS - 1)
    this.records[slot] = record
    this.moments[slot] = moment
    this.extras[slot] = extra
    this.texts[slot] = text
  }
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
