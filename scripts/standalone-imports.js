// ajv's standalone code requires its runtime helpers (and ajv-formats' formats) even in its ES module
// form. The generated TypeScript files import them instead, so the command's bundle holds them rather
// than loading them through require at start-up. Shared by the generators of src/generated/.

/** Node (and the bundle) import a CommonJS module's exports object as its default; Vite, which runs the tests, its `default` export. The code wants the exports object. */
export const EXPORTS_OF = 'const exportsOf = (imported) => (typeof imported === "function" ? { default: imported } : imported)'

/**
 * `code` with each `require("<module>")` replaced by a binding imported as `<prefix><n>`: the modules,
 * their import lines and the code. The file needs `EXPORTS_OF` before the code.
 */
export function requiresAsImports(code, prefix) {
  const modules = [...new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]))]
  let body = code
  for (const [index, module] of modules.entries()) body = body.replaceAll(`require("${module}")`, `exportsOf(${prefix}${index})`)
  if (body.includes('require(')) throw new Error("ajv's standalone code requires a module in a form the generators do not know")
  return { modules, imports: modules.map((module, index) => `import ${prefix}${index} from '${module}.js'`), body }
}
