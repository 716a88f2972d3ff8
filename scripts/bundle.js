// The command's bundle: dist/cli.js and everything it imports (our modules, ajv and ajv-formats)
// as one CommonJS script, dist/bundle/cli.cjs, which bin/gitlab-runners-mock.js runs through
// bin/run-bundle.js with V8's code cache (scripts/code-cache.js makes it). Loading ~100 modules one
// by one (resolve, read, compile, link each) was a third of `serve`'s start-up; one file is read once,
// and a script, unlike an ES module on Node 20, can be handed a code cache. The library entry
// (dist/index.js) stays the compiler's output.
//
// Our modules find the package's folders (openapi/, scenarios/, fixtures/, dashboard/) relative to
// their own `import.meta.url`. In the bundle that URL would be the bundle's, so each module's
// `import.meta.url` becomes the URL of the module it was compiled to (dist/<path>.js) instead,
// computed from the bundle's own: every relative path keeps meaning what it meant.
//
// Packages loaded at run time through `createRequire` (yaml, Express, faker, swagger-ui-dist: only
// when a request or a scenario needs them) stay outside; esbuild leaves such requires alone. The other
// commands are in the same file: code V8 never runs costs only the cache's bytes, not compiling.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { build } from 'esbuild'

const BUNDLE_DIR = 'bundle'

/** The bundle's file under a compiled `dist` folder. */
export function bundleFile(dist) {
  return join(dist, BUNDLE_DIR, 'cli.cjs')
}

/**
 * Bundles `<dist>/cli.js` into `<dist>/bundle/cli.cjs`. `dist` is an absolute path to compiled output
 * (the build's scratch folder), `root` the package whose node_modules the packages come from.
 */
export async function bundleCommand(dist, root) {
  const outdir = join(dist, BUNDLE_DIR)
  const { outputFiles } = await build({
    entryPoints: { cli: join(dist, 'cli.js') },
    outdir,
    outExtension: { '.js': '.cjs' },
    // Module names in the output are relative to this folder, so a rebuild from another scratch
    // folder writes the same bytes.
    absWorkingDir: dist,
    bundle: true,
    nodePaths: [join(root, 'node_modules')],
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // No names kept: keepNames wraps every function and class in a defineProperty of its name
    // (~1 500 calls, most at start-up: ~2-3 ms of a start). Nothing reads a function's or class's
    // `name`: each error class that shows its name sets `this.name` itself.
    keepNames: false,
    logLevel: 'warning',
    // A script has no import.meta: the bundle's own URL stands in for it (see ownModuleUrls).
    define: { 'import.meta.url': '__bundleUrl' },
    banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href" },
    plugins: [ownModuleUrls(dist, outdir)],
    // Kept in memory, escaped below, written once.
    write: false,
  })
  // esbuild writes code as ASCII but keeps comments in class bodies and object literals as written;
  // with those escaped the whole file is ASCII, which bin/run-bundle.js reads as Latin-1: a copy,
  // where decoding 1 MB of UTF-8 takes ~4-8 ms. A \uXXXX escape means the same character in a
  // string, template, regular expression or name (esbuild leaves no other control characters).
  const [output] = outputFiles
  if (outputFiles.length !== 1 || output.path !== bundleFile(dist)) throw new Error(`esbuild made ${outputFiles.map((file) => file.path).join(', ')}, not ${bundleFile(dist)} alone`)
  await mkdir(outdir, { recursive: true })
  await writeFile(output.path, output.text.replace(/[^ -~\t\n\r]/g, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`))
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
