// Tag list coercion (reference §1.7): one function, because every endpoint that takes tags reads them alike.

/**
 * "ruby, mysql", ["ruby","mysql"] and ["ruby,mysql"] all mean [ruby, mysql]: split on commas,
 * trim, drop blanks and duplicates, keep the order of first appearance.
 */
export function parseTagList(value: string | string[] | undefined): string[] {
  if (value === undefined) return []
  const pieces = (Array.isArray(value) ? value : [value]).flatMap((item) => item.split(','))
  const tags: string[] = []
  for (const piece of pieces) {
    const tag = piece.trim()
    if (tag !== '' && !tags.includes(tag)) tags.push(tag)
  }
  return tags
}
