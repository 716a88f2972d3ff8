// Which GitLab release the drift commands judge against: `--gitlab-version X`, `auto` (ask the target's
// GET /api/v4/version, or a recorded answer to it), or the newest the contract describes. Judging against a
// release means checking against that release's derived document; nothing here compares versions by hand.

import { formatRelease, NEWEST_RELEASE, parseRelease, ReleaseError, type Release } from '../profile/index.js'
import type { Exchange } from './exchange.js'
import { TransportError, type HttpClient } from './http.js'
import type { RunProblem } from './report/model.js'

export type VersionChoice = { kind: 'newest' } | { kind: 'given'; release: Release } | { kind: 'auto' }

/** The release a report was judged against, and how it was chosen. */
export interface Judgement {
  /** "17.11" */
  release: string
  /** newest: no --gitlab-version; flag: --gitlab-version X; target: auto, from GET /version; recording: auto, from a recorded answer to it. */
  source: 'newest' | 'flag' | 'target' | 'recording'
  /** What GET /version said, e.g. 17.11.2-ee (source target or recording). */
  detected?: string
}

/** `--gitlab-version`: a release, `auto`, or absent (the newest). Throws ReleaseError naming the supported range. */
export function parseVersionOption(value: string | undefined): VersionChoice {
  if (value === undefined) return { kind: 'newest' }
  if (value.trim().toLowerCase() === 'auto') return { kind: 'auto' }
  return { kind: 'given', release: parseRelease(value) }
}

export function chosenJudgement(choice: Exclude<VersionChoice, { kind: 'auto' }>): Judgement {
  return choice.kind === 'newest' ? { release: formatRelease(NEWEST_RELEASE), source: 'newest' } : { release: formatRelease(choice.release), source: 'flag' }
}

/**
 * The release an answer of GET /version names, or why it names none. A release newer than the contract
 * knows is judged as the newest: the contract is the best description of it there is.
 */
export function releaseFromVersionAnswer(exchange: Exchange): { release: Release; detected: string } | { problem: string } {
  const { status, body } = exchange.response
  const version = body !== null && typeof body === 'object' && 'version' in body && typeof body.version === 'string' ? body.version : undefined
  if (status !== 200 || version === undefined) return { problem: `GET /version answered ${status}${version === undefined ? ' without a version' : ''}: pass --gitlab-version X instead of auto` }
  try {
    return { release: parseRelease(version), detected: version }
  } catch (error) {
    const major = /^v?(\d+)\./.exec(version)?.[1]
    if (major !== undefined && Number(major) > NEWEST_RELEASE.major) return { release: NEWEST_RELEASE, detected: version }
    return { problem: `GET /version answered ${version}: ${error instanceof ReleaseError ? error.message : String(error)}` }
  }
}

export function describeJudgement(judgement: Judgement): string {
  const how = {
    newest: 'the newest the contract describes; pin one with --gitlab-version',
    flag: '--gitlab-version',
    target: `--gitlab-version auto: the target answered ${judgement.detected ?? '?'}`,
    recording: `--gitlab-version auto: the recording's GET /version answered ${judgement.detected ?? '?'}`,
  }[judgement.source]
  return `GitLab ${judgement.release} (${how})`
}

/** `auto` against a live GitLab: its GET /api/v4/version, or why it cannot tell (a problem that stops the run). */
export async function detectRelease(client: HttpClient): Promise<{ release: Release; judgement: Judgement } | { problem: RunProblem }> {
  let exchange: Exchange
  try {
    exchange = await client.send({ method: 'GET', path: '/version' })
  } catch (error) {
    if (error instanceof TransportError) return { problem: { kind: error.failure === 'interrupted' ? 'interrupted' : 'connection', message: error.message } }
    throw error
  }
  const answer = releaseFromVersionAnswer(exchange)
  if ('problem' in answer) return { problem: { kind: exchange.response.status === 401 ? 'authentication' : 'usage', message: answer.problem } }
  return { release: answer.release, judgement: { release: formatRelease(answer.release), source: 'target', detected: answer.detected } }
}

/** `auto` over recorded traffic: the first recorded answer of GET /version, if the recording holds one. */
export function recordedRelease(exchanges: readonly Exchange[]): { release: Release; judgement: Judgement } | undefined {
  for (const exchange of exchanges) {
    if (exchange.request.method.toUpperCase() !== 'GET' || !/\/api\/v4\/version$/.test(new URL(exchange.request.url).pathname)) continue
    const answer = releaseFromVersionAnswer(exchange)
    if (!('problem' in answer)) return { release: answer.release, judgement: { release: formatRelease(answer.release), source: 'recording', detected: answer.detected } }
  }
  return undefined
}
