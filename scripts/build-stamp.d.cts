// Types for build-stamp.cjs (plain JavaScript: bin/ loads it without a TypeScript loader).
export const STAMP_FILE: string
export function sourceFingerprint(root: string): string
export function builtFromCurrentSources(root: string): boolean
