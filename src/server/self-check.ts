// What the mock does with its own replies that break the contract. Apart from respond.ts so that the
// public types (index.ts) reach no Express types: a consumer need not install @types/express.
export type SelfCheckMode = 'strict' | 'log'

export interface SelfCheckFailure {
  operationId: string
  status: number
  problems: string[]
}
