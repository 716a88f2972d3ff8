// The command's bundle: dist/cli.js and everything it imports (our modules, ajv and ajv-formats)
// as one ES module, dist/bundle/cli.js, which bin/gitlab-runners-mock.js runs. Loading ~100 modules
// one by one (resolve, read, compile, link each) was a third of `serve`'s start-up; one file is
// read and compiled once. The library entry (dist/index.js) stays the compiler's output.
//
// Our modules find the package's folders (openapi/, scenarios/, fixtures/, dashboard/) relative to
// their own `import.meta.url`. In the bundle that URL would be the bundle's, so each module's
// `import.meta.url` becomes the URL of the module it was compiled to (dist/<path>.js) instead,
// computed from the bundle's own: every relative path keeps meaning what it meant.
//
// Packages loaded at run time through `createRequire` (yaml, Express, faker, swagger-ui-dist: only
// when a request or a scenario needs them) stay outside; esbuild leaves such requires alone.
// Commands other than `serve`, imported on demand, become chunks of their own (code splitting).
import { readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { build } from 'esbuild'

const BUNDLE_DIR = 'bundle'

/**
 * Bundles `<dist>/cli.js` into `<dist>/bundle/`. `dist` is an absolute path to compiled output (the
 * build's scratch folder), `root` the package whose node_modules the packages come from.
 */
export async function bundleCommand(dist, root) {
  const outdir = join(dist, BUNDLE_DIR)
  await build({
    entryPoints: { cli: join(dist, 'cli.js') },
    outdir,
    bundle: true,
    nodePaths: [join(root, 'node_modules')],
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Error classes and messages use their names (`error.name`, `constructor.name`); esbuild renames
    // colliding identifiers, so the original names are kept on functions and classes.
    keepNames: true,
    logLevel: 'warning',
    // Chunks sit beside the entry, so the relative URLs below hold in every output file.
    chunkNames: '[name]-[hash]',
    // Bundled CommonJS packages (yaml, for the contract command) require Node's built-in modules,
    // which an ES module can only do through a require of its own.
    banner: { js: "import { createRequire as createBundleRequire } from 'node:module'\nconst require = createBundleRequire(import.meta.url)" },
    plugins: [ownModuleUrls(dist, outdir)],
  })
}

/** Replaces `import.meta.url` in each compiled module of ours with that module's URL, relative to the bundle. */
function ownModuleUrls(dist, outdir) {
  const ours = new RegExp(`^${escapeRegExp(dist)}/.*\\.js$`)
  return {
    name: 'own-module-urls',
    setup(esbuild) {
      esbuild.onLoad({ filter: ours }, async ({ path }) => {
        const text = await readFile(path, 'utf8')
        if (!text.includes('import.meta.url')) return undefined
        const fromBundle = relative(outdir, path).split('\\').join('/')
        return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`), loader: 'js' }
      })
    },
  }
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
