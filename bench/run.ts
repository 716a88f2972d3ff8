// `npm run bench`: side by side with Prism and the bare-Node limit, the scale worlds, the drift checker; writes BENCHMARKS.md.
// `npm run bench -- --quick` is a one-round smoke run that prints the report and leaves BENCHMARKS.md alone.
import { cpus, loadavg, totalmem } from 'node:os'
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { measureDriftThroughput } from './drift-throughput.js'
import { renderMarkdown, type Settings } from './report.js'
import { runScale } from './scale.js'
import { killAll } from './servers.js'
import { pinLoadGenerator, pinningNote } from './pinning.js'
import { runSideBySide } from './side-by-side.js'

const quick = process.argv.includes('--quick')
// The servers are spawned with paths relative to the repository, wherever npm was started from.
process.chdir(fileURLToPath(new URL('..', import.meta.url)))

const settings: Settings = quick
  ? { rounds: 1, durationS: 1, warmupS: 1, connections: 10, scaleDurationS: 1, scenario: 'bench', pinning: pinningNote() }
  : { rounds: 3, durationS: 5, warmupS: 1, connections: 10, scaleDurationS: 2, scenario: 'bench', pinning: pinningNote() }
pinLoadGenerator()

const started = performance.now()
const loadAverage = loadavg()[0] ?? 0
const progress = (line: string) => {
  const elapsed = ((performance.now() - started) / 1000).toFixed(0).padStart(4)
  process.stderr.write(`[${elapsed} s] ${line}\n`)
}

try {
  const sideBySide = await runSideBySide({ ...settings, progress })
  const scale = await runScale({ rounds: settings.rounds, durationS: settings.scaleDurationS, progress })
  // Last, with every server gone, so the checker has the cores to itself.
  const drift = measureDriftThroughput()
  progress(`drift validation: ${drift.perSecond} responses/s`)
  const markdown = renderMarkdown({
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
      memoryGb: totalmem() / 1024 ** 3,
      node: process.version,
      date: new Date().toISOString().slice(0, 10),
      loadAverage,
    },
    settings,
    command: quick ? 'npm run bench -- --quick' : 'npm run bench',
    sideBySide,
    scale,
    drift,
    totalS: (performance.now() - started) / 1000,
  })
  process.stdout.write(markdown)
  if (!quick) writeFileSync('BENCHMARKS.md', markdown)
} finally {
  killAll()
}
