// The public surface of the contract module: load the OpenAPI document once, look up operations,
// validate requests and responses. Everything ajv and Prism stays behind these names.
export { ContractError, defaultContractFile, loadContract, type Contract, type ContractProblem } from './load.js'
export {
  findOperation,
  getOperation,
  type GitlabFacts,
  type HttpMethod,
  type Operation,
  type OperationMatch,
  type Parameter,
  type RequestBody,
  type ResponseHeader,
  type ResponseSpec,
  type Schema,
  type SecurityRequirement,
} from './operations.js'
export { validateRequest, type RawRequest, type RequestResult } from './request.js'
export { validateResponse, versionNote } from './response.js'
export { prismViolations, type PrismExchange } from './prism.js'
export { contractKeywords } from './vocabulary.js'
export type { Violation } from './violation.js'
