// The one error a scenario can raise, and where in which file each problem sits. Holds no YAML
// knowledge: callers locate the problem, this only formats `file:line path: problem`.

export interface ScenarioProblem {
  file: string
  /** 1-based; null when the problem is about the file as a whole (e.g. it cannot be read). */
  line: number | null
  /** Path inside the document, e.g. `runners[3].tag_list`; empty for the document itself. */
  path: string
  message: string
}

export class ScenarioError extends Error {
  constructor(readonly problems: ScenarioProblem[]) {
    super(problems.map(formatProblem).join('\n'))
    this.name = 'ScenarioError'
  }
}

export function formatProblem({ file, line, path, message }: ScenarioProblem): string {
  const where = line === null ? file : `${file}:${line}`
  return path === '' ? `${where} ${message}` : `${where} ${path}: ${message}`
}

/** `['runners', 3, 'tag_list']` → `runners[3].tag_list`. */
export function formatPath(segments: ReadonlyArray<string | number>): string {
  let text = ''
  for (const segment of segments) {
    if (typeof segment === 'number') text += `[${segment}]`
    else text += text === '' ? segment : `.${segment}`
  }
  return text
}
