// JSON pointers (RFC 6901) into the contract document: how every problem and violation names a place.

export function encodePointer(segments: readonly (string | number)[]): string {
  return '#' + segments.map((segment) => '/' + String(segment).replaceAll('~', '~0').replaceAll('/', '~1')).join('')
}

/** Segments of a local pointer such as `#/components/schemas/Runner`; undefined for anything else. */
export function decodePointer(pointer: string): string[] | undefined {
  if (pointer === '#') return []
  if (!pointer.startsWith('#/')) return undefined
  return pointer
    .slice(2)
    .split('/')
    .map((segment) => decodeURIComponent(segment).replaceAll('~1', '/').replaceAll('~0', '~'))
}

export function valueAt(root: unknown, segments: readonly string[]): { found: boolean; value: unknown } {
  let node = root
  for (const segment of segments) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return { found: false, value: undefined }
    node = (node as Record<string, unknown>)[segment]
  }
  return { found: true, value: node }
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
