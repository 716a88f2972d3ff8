// Tag list coercion (reference §1.7): one function, because every endpoint that takes tags reads them alike.

/**
 * "ruby, mysql", ["ruby","mysql"] and ["ruby,mysql"] all mean [ruby, mysql]: split on commas,
 * trim, drop blanks and duplicates, keep the order of first appearance.
 */
export function parseTagList(value: string | string[] | undefined): string[] {
  if (value === undefined) return []
  const pieces = (Array.isArray(value) ? value : [value]).flatMap((item) => item.split(','))
  // A Set keeps first appearances in order and stays linear for a megabyte of tags.
  const tags = new Set<string>()
  for (const piece of pieces) {
    const tag = piece.trim()
    if (tag !== '') tags.add(tag)
  }
  return [...tags]
}
