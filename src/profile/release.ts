// GitLab releases as the contract names them ("MAJOR.MINOR"), and the moments its version facts
// carry: one release, or a window of releases when GitLab's history does not pin the minor.

export interface Release {
  major: number
  minor: number
}

/**
 * When a fact took effect: exactly `release`, or somewhere in the window `from`..`to` (both
 * inclusive). Releases before `from` certainly had the old state, releases from `to` on certainly
 * have the new one; the releases in between are unknown.
 */
export type Moment = { release: Release } | { window: Window }

export interface Window {
  from: Release
  to: Release
}

/** Where a release lies relative to a moment: the old state, the new one, or unknown. */
export type Side = 'before' | 'after' | 'window'

export class ReleaseError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ReleaseError'
  }
}

/** The last minor of each major the contract covers; 18 is open at the top. */
const lastMinor: Readonly<Record<number, number>> = { 11: 11, 12: 10, 13: 12, 14: 10, 15: 11, 16: 11, 17: 11, 18: 11 }

export const OLDEST_RELEASE: Release = Object.freeze({ major: 11, minor: 0 })
/** The newest release the contract describes; later 18.x releases answer as this one does. */
export const NEWEST_RELEASE: Release = Object.freeze({ major: 18, minor: 6 })

const supportedRange = `GitLab ${formatRelease(OLDEST_RELEASE)} to 18.${lastMinor[18]} (the contract describes up to ${formatRelease(NEWEST_RELEASE)})`

/**
 * Reads "17", "17.11", "17.11.2", "17.11.2-ee" or "v17.11". A major alone means its last minor
 * (18 means the newest release the contract describes).
 */
export function parseRelease(text: string): Release {
  const match = /^v?(\d{1,3})(?:\.(\d{1,3})(?:\.\d+)?)?(?:-[0-9A-Za-z.-]+)?$/.exec(text.trim())
  if (match === null) throw new ReleaseError(`'${text}' is not a GitLab release (expected MAJOR.MINOR such as 17.11; supported: ${supportedRange})`)
  const major = Number(match[1])
  const last = lastMinor[major]
  if (last === undefined) throw new ReleaseError(`GitLab ${major} is not supported (supported: ${supportedRange})`)
  if (match[2] === undefined) return major === NEWEST_RELEASE.major ? NEWEST_RELEASE : { major, minor: last }
  const minor = Number(match[2])
  if (minor > last) throw new ReleaseError(`GitLab ${major}.${minor} does not exist (GitLab ${major} ends at ${major}.${last}; supported: ${supportedRange})`)
  return { major, minor }
}

export function formatRelease(release: Release): string {
  return `${release.major}.${release.minor}`
}

export function compareReleases(a: Release, b: Release): number {
  return a.major - b.major || a.minor - b.minor
}

/** Every release from the oldest to the newest the contract describes, oldest first. */
export function allReleases(): Release[] {
  const releases: Release[] = []
  for (let major = OLDEST_RELEASE.major; major <= NEWEST_RELEASE.major; major += 1) {
    const last = major === NEWEST_RELEASE.major ? NEWEST_RELEASE.minor : lastMinor[major]!
    for (let minor = 0; minor <= last; minor += 1) releases.push({ major, minor })
  }
  return releases
}

/** The side of a moment a release is on. */
export function sideOf(release: Release, moment: Moment): Side {
  if ('release' in moment) return compareReleases(release, moment.release) >= 0 ? 'after' : 'before'
  if (compareReleases(release, moment.window.from) < 0) return 'before'
  if (compareReleases(release, moment.window.to) >= 0) return 'after'
  return 'window'
}

/** The earliest release a moment may be: its release, or its window's start. */
export function earliestOf(moment: Moment): Release {
  return 'release' in moment ? moment.release : moment.window.from
}

export function formatMoment(moment: Moment): string {
  return 'release' in moment ? formatRelease(moment.release) : `between ${formatRelease(moment.window.from)} and ${formatRelease(moment.window.to)}`
}
