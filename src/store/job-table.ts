// The jobs of a world, compact: one row per job in typed columns, grouped by runner (ids ascending
// within a runner), with every string interned once and pipelines and commits kept once each and
// referred to by index. A 100k-runner world has about 450 000 jobs: as objects they cost about 310
// bytes each (an object of 21 fields plus a boxed number per time), as rows about 125.
//
// No API call changes a job, so a table is built once and shared by a world and all its forks. A job
// is handed out as a plain JobRecord, made when asked for: the serializer sees the same shape as ever.
import type { CommitRecord, JobRecord, JobStatus, PipelineRecord } from './records.js'

/** Numbers per job in `numbers`; NaN stands for null. */
const ID = 0
const RUNNER = 1
const MANAGER = 2
const PROJECT = 3
const USER = 4
const CREATED = 5
const STARTED = 6
const FINISHED = 7
const ERASED = 8
const DURATION = 9
const QUEUED = 10
const COVERAGE = 11
const NUMBERS = 12

/** Interned strings per job in `strings`; failure_reason's null is index 0. */
const STATUS = 0
const STAGE = 1
const NAME = 2
const REF = 3
const FAILURE = 4
const STRINGS = 5

const TAG = 1
const ALLOW_FAILURE = 2

/** A table's content as plain data: what survives structuredClone (which drops the class). */
export interface JobColumns {
  readonly kind: 'job-table'
  readonly length: number
  readonly numbers: Float64Array
  readonly strings: Uint32Array
  readonly flags: Uint8Array
  /** Index into `pipelines`; a job's commit is `commits[commitOf[row]]`. */
  readonly pipelineOf: Uint32Array
  readonly commitOf: Uint32Array
  readonly texts: readonly (string | null)[]
  readonly pipelines: readonly PipelineRecord[]
  readonly commits: readonly CommitRecord[]
  /**
   * Milliseconds added to every moment (created, started, finished, erased) as a job is read; 0 when
   * absent. A table generated at one time serves at another by this alone, without moving its rows.
   */
  readonly timeBase?: number
}

export class JobTable implements JobColumns, Iterable<JobRecord> {
  readonly kind = 'job-table'
  readonly length: number
  readonly numbers: Float64Array
  readonly strings: Uint32Array
  readonly flags: Uint8Array
  readonly pipelineOf: Uint32Array
  readonly commitOf: Uint32Array
  readonly texts: readonly (string | null)[]
  readonly pipelines: readonly PipelineRecord[]
  readonly commits: readonly CommitRecord[]
  readonly timeBase: number

  constructor(columns: JobColumns) {
    this.length = columns.length
    this.numbers = columns.numbers
    this.strings = columns.strings
    this.flags = columns.flags
    this.pipelineOf = columns.pipelineOf
    this.commitOf = columns.commitOf
    this.texts = columns.texts
    this.pipelines = columns.pipelines
    this.commits = columns.commits
    this.timeBase = columns.timeBase ?? 0
  }

  /** The table of `jobs`: records, a table, or a table's columns after a structuredClone. */
  static of(jobs: Iterable<JobRecord> | JobColumns): JobTable {
    if (jobs instanceof JobTable) return jobs
    if (isColumns(jobs)) return new JobTable(jobs)
    return JobTable.fromRecords([...jobs])
  }

  static fromRecords(records: readonly JobRecord[]): JobTable {
    const builder = new JobTableBuilder(records.length)
    for (const job of records) builder.add(job)
    return builder.build()
  }

  /** The rows of the runner's jobs, ids ascending: `[first, end)`. */
  rowsOf(runnerId: number): [number, number] {
    return [this.firstRowAtLeast(runnerId), this.firstRowAtLeast(runnerId + 1)]
  }

  /** The runner's jobs as records, ids ascending. */
  jobsOf(runnerId: number): JobRecord[] {
    const [first, end] = this.rowsOf(runnerId)
    const jobs: JobRecord[] = []
    for (let row = first; row < end; row++) jobs.push(this.job(row))
    return jobs
  }

  /** Whether one of the runner's jobs (of the manager, when given) has a status in `statuses`. */
  anyOf(runnerId: number, statuses: ReadonlySet<JobStatus>, managerId?: number): boolean {
    const [first, end] = this.rowsOf(runnerId)
    for (let row = first; row < end; row++) {
      if (managerId !== undefined && this.numbers[row * NUMBERS + MANAGER] !== managerId) continue
      if (statuses.has(this.texts[this.strings[row * STRINGS + STATUS] as number] as JobStatus)) return true
    }
    return false
  }

  /** Every job whose runner `keep` accepts, ids ascending. */
  records(keep: (runnerId: number) => boolean = () => true): JobRecord[] {
    const jobs: JobRecord[] = []
    for (let row = 0; row < this.length; row++) {
      if (keep(this.numbers[row * NUMBERS + RUNNER] as number)) jobs.push(this.job(row))
    }
    return jobs.sort((a, b) => a.id - b.id)
  }

  /** The highest runner id any job names, 0 for none. */
  highestRunnerId(): number {
    return this.length === 0 ? 0 : (this.numbers[(this.length - 1) * NUMBERS + RUNNER] as number)
  }

  *[Symbol.iterator](): Iterator<JobRecord> {
    yield* this.records()
  }

  /** As JSON a table is the array of its jobs, ids ascending, like any world's export. */
  toJSON(): JobRecord[] {
    return this.records()
  }

  private job(row: number): JobRecord {
    const n = this.numbers
    const at = row * NUMBERS
    const text = row * STRINGS
    const texts = this.texts
    const flags = this.flags[row] as number
    const base = this.timeBase
    return {
      id: n[at + ID] as number,
      runnerId: n[at + RUNNER] as number,
      runnerManagerId: orNull(n[at + MANAGER] as number),
      projectId: n[at + PROJECT] as number,
      userId: orNull(n[at + USER] as number),
      status: texts[this.strings[text + STATUS] as number] as JobStatus,
      stage: texts[this.strings[text + STAGE] as number] as string,
      name: texts[this.strings[text + NAME] as number] as string,
      ref: texts[this.strings[text + REF] as number] as string,
      tag: (flags & TAG) !== 0,
      coverage: orNull(n[at + COVERAGE] as number),
      allowFailure: (flags & ALLOW_FAILURE) !== 0,
      // NaN (null) plus the base stays NaN.
      createdAt: (n[at + CREATED] as number) + base,
      startedAt: orNull((n[at + STARTED] as number) + base),
      finishedAt: orNull((n[at + FINISHED] as number) + base),
      erasedAt: orNull((n[at + ERASED] as number) + base),
      duration: orNull(n[at + DURATION] as number),
      queuedDuration: orNull(n[at + QUEUED] as number),
      failureReason: texts[this.strings[text + FAILURE] as number] ?? null,
      pipeline: this.pipelines[this.pipelineOf[row] as number] as PipelineRecord,
      commit: this.commits[this.commitOf[row] as number] as CommitRecord,
    }
  }

  /** The first row whose runner id is `runnerId` or more. */
  private firstRowAtLeast(runnerId: number): number {
    let low = 0
    let high = this.length
    while (low < high) {
      const mid = (low + high) >> 1
      if ((this.numbers[mid * NUMBERS + RUNNER] as number) < runnerId) low = mid + 1
      else high = mid
    }
    return low
  }
}

/**
 * Rows added one job at a time, in any order: `build()` groups them by runner. The records added can
 * be dropped at once (only their pipeline and commit are kept), so a generator never holds them all.
 */
export class JobTableBuilder {
  private length = 0
  private numbers: Float64Array
  private strings: Uint32Array
  private flags: Uint8Array
  private pipelineOf: Uint32Array
  private commitOf: Uint32Array
  private readonly texts = new Interned<string | null>([null])
  private readonly pipelines = new Interned<PipelineRecord>()
  private readonly commits = new Interned<CommitRecord>()
  /** Whether rows came in by runner, then id: then build() needs no sort. */
  private inOrder = true

  /** `expected`: how many jobs will come, if known; growing past it copies every column. */
  constructor(expected = 64) {
    const capacity = Math.max(1, expected)
    this.numbers = new Float64Array(capacity * NUMBERS)
    this.strings = new Uint32Array(capacity * STRINGS)
    this.flags = new Uint8Array(capacity)
    this.pipelineOf = new Uint32Array(capacity)
    this.commitOf = new Uint32Array(capacity)
  }

  add(job: JobRecord): void {
    if (this.length === this.flags.length) this.grow()
    const row = this.length++
    const numbers = this.numbers
    const at = row * NUMBERS
    if (row > 0) {
      const runner = numbers[at - NUMBERS + RUNNER] as number
      if (runner > job.runnerId || (runner === job.runnerId && (numbers[at - NUMBERS + ID] as number) > job.id)) this.inOrder = false
    }
    numbers[at + ID] = job.id
    numbers[at + RUNNER] = job.runnerId
    numbers[at + MANAGER] = orNaN(job.runnerManagerId)
    numbers[at + PROJECT] = job.projectId
    numbers[at + USER] = orNaN(job.userId)
    numbers[at + CREATED] = job.createdAt
    numbers[at + STARTED] = orNaN(job.startedAt)
    numbers[at + FINISHED] = orNaN(job.finishedAt)
    numbers[at + ERASED] = orNaN(job.erasedAt)
    numbers[at + DURATION] = orNaN(job.duration)
    numbers[at + QUEUED] = orNaN(job.queuedDuration)
    numbers[at + COVERAGE] = orNaN(job.coverage)
    const text = row * STRINGS
    const texts = this.texts
    this.strings[text + STATUS] = texts.indexOf(job.status)
    this.strings[text + STAGE] = texts.indexOf(job.stage)
    this.strings[text + NAME] = texts.indexOf(job.name)
    this.strings[text + REF] = texts.indexOf(job.ref)
    this.strings[text + FAILURE] = texts.indexOf(job.failureReason)
    this.flags[row] = (job.tag ? TAG : 0) | (job.allowFailure ? ALLOW_FAILURE : 0)
    this.pipelineOf[row] = this.pipelines.indexOf(job.pipeline)
    this.commitOf[row] = this.commits.indexOf(job.commit)
  }

  build(): JobTable {
    const length = this.length
    const texts = this.texts.values
    const pipelines = this.pipelines.values
    const commits = this.commits.values
    if (this.inOrder) {
      // Views on the columns as filled: no second copy of them while the first waits for the collector.
      return new JobTable({
        kind: 'job-table', length, texts, pipelines, commits,
        numbers: this.numbers.subarray(0, length * NUMBERS),
        strings: this.strings.subarray(0, length * STRINGS),
        flags: this.flags.subarray(0, length),
        pipelineOf: this.pipelineOf.subarray(0, length),
        commitOf: this.commitOf.subarray(0, length),
      })
    }
    const order = this.order()
    const numbers = new Float64Array(length * NUMBERS)
    const strings = new Uint32Array(length * STRINGS)
    const flags = new Uint8Array(length)
    const pipelineOf = new Uint32Array(length)
    const commitOf = new Uint32Array(length)
    for (let row = 0; row < length; row++) {
      const from = order[row] as number
      numbers.set(this.numbers.subarray(from * NUMBERS, (from + 1) * NUMBERS), row * NUMBERS)
      strings.set(this.strings.subarray(from * STRINGS, (from + 1) * STRINGS), row * STRINGS)
      flags[row] = this.flags[from] as number
      pipelineOf[row] = this.pipelineOf[from] as number
      commitOf[row] = this.commitOf[from] as number
    }
    return new JobTable({ kind: 'job-table', length, numbers, strings, flags, pipelineOf, commitOf, texts, pipelines, commits })
  }

  /** Row numbers by runner, then id. */
  private order(): Uint32Array {
    const numbers = this.numbers
    const key = (row: number, column: number) => numbers[row * NUMBERS + column] as number
    return Uint32Array.from({ length: this.length }, (_, row) => row)
      .sort((a, b) => key(a, RUNNER) - key(b, RUNNER) || key(a, ID) - key(b, ID))
  }

  private grow(): void {
    const capacity = this.flags.length * 2
    const grown = <A extends Float64Array | Uint32Array | Uint8Array>(array: A, size: number): A => {
      const bigger = new (array.constructor as new (length: number) => A)(size)
      bigger.set(array)
      return bigger
    }
    this.numbers = grown(this.numbers, capacity * NUMBERS)
    this.strings = grown(this.strings, capacity * STRINGS)
    this.flags = grown(this.flags, capacity)
    this.pipelineOf = grown(this.pipelineOf, capacity)
    this.commitOf = grown(this.commitOf, capacity)
  }
}

/** Values kept once each, by identity (or value, for strings), in order of first use. */
class Interned<T> {
  readonly values: T[]
  private readonly index = new Map<T, number>()

  constructor(initial: T[] = []) {
    this.values = [...initial]
    initial.forEach((value, at) => this.index.set(value, at))
  }

  indexOf(value: T): number {
    let at = this.index.get(value)
    if (at === undefined) {
      at = this.values.push(value) - 1
      this.index.set(value, at)
    }
    return at
  }
}

function isColumns(value: unknown): value is JobColumns {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'job-table'
}

function orNaN(value: number | null): number {
  return value ?? Number.NaN
}

function orNull(value: number): number | null {
  return Number.isNaN(value) ? null : value
}
