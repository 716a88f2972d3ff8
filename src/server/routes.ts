// operationId → handler: the route table. A test fails when the contract and this table disagree.
import type { Handler, OperationId } from './handler.js'
import * as lists from './handlers/runner-lists.js'
import * as runners from './handlers/runners.js'
import * as projectRunners from './handlers/project-runners.js'
import * as registration from './handlers/runner-registration.js'
import * as registrationTokens from './handlers/registration-tokens.js'
import * as metadata from './handlers/metadata.js'

export const handlers: { [Op in OperationId]: Handler<Op> } = {
  listRunners: lists.listRunners,
  listAllRunners: lists.listAllRunners,
  listProjectRunners: lists.listProjectRunners,
  listGroupRunners: lists.listGroupRunners,
  getRunner: runners.getRunner,
  updateRunner: runners.updateRunner,
  deleteRunner: runners.deleteRunner,
  listRunnerJobs: runners.listRunnerJobs,
  listRunnerManagers: runners.listRunnerManagers,
  listRunnerProjects: runners.listRunnerProjects,
  resetRunnerAuthenticationToken: runners.resetRunnerAuthenticationToken,
  assignProjectRunner: projectRunners.assignProjectRunner,
  unassignProjectRunner: projectRunners.unassignProjectRunner,
  registerRunner: registration.registerRunner,
  createUserRunner: registration.createUserRunner,
  deleteRunnerByToken: registration.deleteRunnerByToken,
  verifyRunner: registration.verifyRunner,
  resetRunnerAuthenticationTokenByToken: registration.resetRunnerAuthenticationTokenByToken,
  resetInstanceRegistrationToken: registrationTokens.resetInstanceRegistrationToken,
  resetProjectRegistrationToken: registrationTokens.resetProjectRegistrationToken,
  resetGroupRegistrationToken: registrationTokens.resetGroupRegistrationToken,
  getVersion: metadata.getVersion,
}
