// The pages a browser may open: the dashboard at /__mock/ (plain ES modules and CSS from the package's
// dashboard/ folder, no build step) and the API reference at /api/v4/docs/ (Swagger UI's standalone
// bundle from swagger-ui-dist, served from the package, never a CDN). Both talk to the mock only
// through its public APIs; this file serves files and nothing else.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type zlib from 'node:zlib'
import type express from 'express'
import type { Request, Response, Router } from 'express'
import type { Contract } from '../contract/index.js'
import { allReleases, formatRelease, ReleaseError } from '../profile/index.js'
import { unknownRelease } from './errors.js'

export const DASHBOARD_PATH = '/__mock/'
export const DOCS_PATH = '/api/v4/docs/'

/** The package's dashboard/ folder, found from this file so it resolves the same from src/ and dist/. */
export const dashboardDir = fileURLToPath(new URL('../../dashboard/', import.meta.url))
// Express, swagger-ui-dist and zlib are loaded when the pages are first asked for (app.ts builds them
// then): a start that only answers the API never loads them.
const requireModule = createRequire(import.meta.url)
let swaggerDir: string | undefined

function swaggerFile(file: string): string {
  swaggerDir ??= dirname(requireModule.resolve('swagger-ui-dist/package.json'))
  return join(swaggerDir, file)
}
// Only what the reference page loads: the package also holds source maps and other bundles.
const SWAGGER_FILES = ['swagger-ui-bundle.js', 'swagger-ui-standalone-preset.js', 'swagger-ui.css', 'favicon-32x32.png']

// The pages act with the developer's mock: a hostile site that framed them could trick a click on
// Reset or Delete (clickjacking), and same-origin requests from the frame pass the Origin check.
const PAGE_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
} as const

const fileOptions = { dotfiles: 'deny', fallthrough: true, index: false, maxAge: 0 } as const

const zippedFiles = new Map<string, Buffer>()

function gzipped(file: string): Buffer {
  let zipped = zippedFiles.get(file)
  if (!zipped) {
    const { gzipSync } = requireModule('node:zlib') as typeof zlib
    zipped = gzipSync(readFileSync(swaggerFile(file)))
    zippedFiles.set(file, zipped)
  }
  return zipped
}

export interface PagesOptions {
  /** Whether the control API (and so the dashboard) is served. */
  dashboard: boolean
  /** The contract the mock serves; the reference can also show it as any other release answers. */
  contract: Contract
}

export function pages(options: PagesOptions): Router {
  const { Router: newRouter, static: serveStatic } = requireModule('express') as typeof express
  const router = newRouter({ strict: true, caseSensitive: true })
  const sendPage = (file: string) => (_req: Request, res: Response) => {
    res.set(PAGE_HEADERS)
    res.sendFile(join(dashboardDir, file))
  }

  if (options.dashboard) {
    // A browser asking for /__mock gets the dashboard; API clients keep the control API's answer.
    router.get('/__mock', (req, res, next) => {
      if (req.accepts(['json', 'html']) === 'html') res.redirect(302, DASHBOARD_PATH)
      else next()
    })
    router.get(DASHBOARD_PATH, sendPage('index.html'))
    router.use('/__mock/ui', serveStatic(join(dashboardDir, 'ui'), fileOptions))
  }

  router.get('/api/v4/docs', (_req, res) => res.redirect(302, DOCS_PATH))
  router.get(DOCS_PATH, sendPage('docs.html'))
  // The release picker: every release the contract describes, and the document as one of them answers.
  router.get(`${DOCS_PATH}releases`, (_req, res) => {
    res.json({ served: formatRelease(options.contract.profile.release), releases: allReleases().map(formatRelease).reverse() })
  })
  router.get(`${DOCS_PATH}releases/:release`, (req, res) => {
    try {
      res.json(options.contract.forRelease(req.params.release).document)
    } catch (error) {
      if (!(error instanceof ReleaseError)) throw error
      const reply = unknownRelease(error.message)
      res.status(reply.status).json(reply.body)
    }
  })
  router.use(`${DOCS_PATH}reference`, serveStatic(join(dashboardDir, 'reference'), fileOptions))
  router.use(`${DOCS_PATH}swagger`, (req, res, next) => {
    const file = req.path.slice(1)
    if (!SWAGGER_FILES.includes(file)) {
      next()
      return
    }
    // Swagger UI's bundle is 1.8 MB; gzipped once and kept, the reference loads a quarter of that.
    const zipped = file.endsWith('.png') || !req.acceptsEncodings('gzip') ? undefined : gzipped(file)
    if (!zipped) {
      res.sendFile(swaggerFile(file), { maxAge: '1h' })
      return
    }
    res.set({ 'Content-Encoding': 'gzip', 'Cache-Control': 'public, max-age=3600', Vary: 'Accept-Encoding' })
    res.type(file).send(zipped)
  })
  return router
}
