import { describe, expect, it } from 'vitest'
import { allReleases, compareReleases, formatRelease, NEWEST_RELEASE, OLDEST_RELEASE, parseRelease, ReleaseError } from '../../src/profile/index.js'

describe('parseRelease', () => {
  it.each([
    ['17.11', '17.11'],
    ['17.11.2', '17.11'],
    ['17.11.2-ee', '17.11'],
    ['v16.0', '16.0'],
    [' 15.4 ', '15.4'],
    ['17', '17.11'],
    ['14', '14.10'],
    ['18', formatRelease(NEWEST_RELEASE)],
    ['18.9', '18.9'],
  ])('reads %j as %s', (text, expected) => {
    expect(formatRelease(parseRelease(text))).toBe(expected)
  })

  it.each(['', 'latest', '17.x', '17.11.2.1.', '10.8', '19.0', '12.11', '8.5'])('refuses %j with a message naming the supported range', (text) => {
    expect(() => parseRelease(text)).toThrow(ReleaseError)
    expect(() => parseRelease(text)).toThrow(/supported: GitLab 11\.0 to 18\.11/)
  })

  it('says when a minor does not exist for its major', () => {
    expect(() => parseRelease('14.11')).toThrow("GitLab 14.11 does not exist (GitLab 14 ends at 14.10")
  })
})

describe('releases', () => {
  it('compares by major, then minor', () => {
    const sorted = ['16.11', '17.0', '11.11', '17.10', '17.2'].map(parseRelease).sort(compareReleases).map(formatRelease)
    expect(sorted).toEqual(['11.11', '16.11', '17.0', '17.2', '17.10'])
  })

  it('lists every release from the oldest to the newest', () => {
    const releases = allReleases().map(formatRelease)
    expect(releases[0]).toBe(formatRelease(OLDEST_RELEASE))
    expect(releases.at(-1)).toBe(formatRelease(NEWEST_RELEASE))
    expect(releases).toContain('13.12')
    expect(releases).not.toContain('12.11')
  })
})
