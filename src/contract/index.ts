// The public surface of the contract module: load the OpenAPI document once, look up operations,
// validate requests and responses. Everything ajv stays behind these names. Prism's adapter is
// imported from './prism.js' by those who want it: loading Prism costs a second at start-up.
export { ContractError, defaultContractFile, loadContract, type Contract, type ContractProblem } from './load.js'
export {
  findOperation,
  getOperation,
  tokenScopesOf,
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
  type TokenScopeRule,
} from './operations.js'
export { validateRequest, type RawRequest, type RequestResult } from './request.js'
export { responseShape, validateReply, validateResponse, versionNote } from './response.js'
export { contractKeywords } from './vocabulary.js'
export type { Violation } from './violation.js'
