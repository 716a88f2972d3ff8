#!/usr/bin/env node
// The installed command runs the compiled JavaScript in dist/. In a checkout of this repository
// (src/ present, tsx installed) it runs the TypeScript sources instead, so tests and `npm start`
// always run the code as it is now, never a stale build. The published package has no src/.
import { existsSync } from 'node:fs'

const sources = new URL('../src/cli.ts', import.meta.url)
const tsx = existsSync(sources) ? await import('tsx/esm/api').catch(() => undefined) : undefined
if (tsx) {
  tsx.register()
  await import(sources.href)
} else {
  await import('../dist/cli.js')
}
