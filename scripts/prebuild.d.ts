// Types for prebuild.js (plain JavaScript: the build runs it without a TypeScript loader).
export function prebuildAll(compiled: string, root: string): Promise<void>
export function prebuildWorlds(compiled: string, root: string): Promise<void>
export function prebuildCatalogues(compiled: string, root: string): Promise<void>
export function prebuildDereferencedContracts(compiled: string, root: string): Promise<void>
