// A version fact that cannot be read fails the contract's load with its file, line and pointer.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ContractError, loadContract } from '../../src/contract/index.js'
import { FactError, parseRelease, profileFor } from '../../src/profile/index.js'
import { readSpec, specFile } from '../helpers/contract-examples.js'

const scratch = mkdtempSync(join(tmpdir(), 'facts-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

describe('broken version facts', () => {
  it('a window that ends before it starts names where it is written', () => {
    const file = join(scratch, 'backwards-window.yaml')
    const text = readFileSync(specFile, 'utf8').replace("x-gitlab-introduced: {from: '17.0', to: '17.11'}", "x-gitlab-introduced: {from: '17.11', to: '17.0'}")
    writeFileSync(file, text)
    const line = text.split('\n').findIndex((row) => row.includes("{from: '17.11', to: '17.0'}")) + 1
    expect(() => loadContract(file)).toThrow(ContractError)
    expect(() => loadContract(file)).toThrow(`backwards-window.yaml:${line} #/paths/~1runners~1{id}~1managers/get/x-gitlab-introduced: a window must start before it ends (from 17.11 to 17.0)`)
  })

  it('a behaviour value outside its type is refused', () => {
    const document = readSpec()
    const behaviours = document['x-gitlab-behaviours'] as Record<string, { values: { value: unknown }[] }>
    behaviours['onlineWindow']!.values[1]!.value = '90min'
    expect(() => profileFor(document, parseRelease('17.0'))).toThrow(FactError)
    expect(() => profileFor(document, parseRelease('17.0'))).toThrow('#/x-gitlab-behaviours/onlineWindow/values/1/value: "90min" is not a value of onlineWindow')
  })
})
