// Types for bundle.js (plain JavaScript: the build runs it without a TypeScript loader).
export function bundleFile(dist: string): string
export function bundleCommand(dist: string, root: string): Promise<void>
