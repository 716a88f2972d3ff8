// Types for code-cache.js (plain JavaScript: the build runs it without a TypeScript loader).
export function writeCodeCache(bundle: string, installed: string): string
