// Packages loaded when first used rather than when the command starts, in one place.
//
// ajv: a start makes no ajv (the shipped contract's request validators are compiled at build time),
// and initialising its ~60 modules was ~3 ms of every start. In the command's bundle (CommonJS)
// esbuild bundles each require() below and runs the package's modules on the first call; in dist/ as
// ES modules there is no require, and createRequire loads the package from node_modules.
//
// yaml: only a file of the user's own, a problem's line number, `contract` and `--watch` need it (the
// shipped YAML is read from its build-time JSON), so it stays out of the bundle: createRequire loads
// it from node_modules on first use.
/* eslint-disable @typescript-eslint/no-require-imports -- a require() esbuild bundles is what makes the load lazy */
import { createRequire } from 'node:module'

const requireFromHere = createRequire(import.meta.url)

/** ajv's JSON Schema 2020-12 build (`Ajv2020`). */
export function ajv2020Package(): typeof import('ajv/dist/2020.js') {
  return typeof require === 'function' ? (require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js')) : (requireFromHere('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js'))
}

/** ajv's draft-07 build (`Ajv`), which the scenario schema is written in. */
export function ajvPackage(): typeof import('ajv') {
  return typeof require === 'function' ? (require('ajv') as typeof import('ajv')) : (requireFromHere('ajv') as typeof import('ajv'))
}

/** ajv-formats' plugin. */
export function ajvFormatsPackage(): typeof import('ajv-formats') {
  return typeof require === 'function' ? (require('ajv-formats') as typeof import('ajv-formats')) : (requireFromHere('ajv-formats') as typeof import('ajv-formats'))
}

/** The yaml library, from node_modules (never bundled). */
export function yamlPackage(): typeof import('yaml') {
  return requireFromHere('yaml') as typeof import('yaml')
}
