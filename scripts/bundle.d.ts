// Types for bundle.js (plain JavaScript: the build runs it without a TypeScript loader).
export function bundleCommand(dist: string, root: string): Promise<void>
