import { describe, expect, it } from 'vitest'
import { parseTagList } from '../../src/store/tags.js'

describe('parseTagList', () => {
  it.each([
    ['a comma-separated string', 'ruby, mysql', ['ruby', 'mysql']],
    ['an array', ['ruby', 'mysql'], ['ruby', 'mysql']],
    ['an array whose items hold commas', ['ruby,mysql'], ['ruby', 'mysql']],
    ['blanks and padding', ' ruby ,, ,mysql ', ['ruby', 'mysql']],
    ['duplicates, keeping the first place', ['b', 'a,b', 'a'], ['b', 'a']],
    ['an empty string', '', []],
    ['nothing', undefined, []],
  ] as const)('reads %s as GitLab does', (_name, input, tags) => {
    expect(parseTagList(input as string | string[] | undefined)).toEqual(tags)
  })
})
