// GitLab version profiles: which release the contract, the mock and the drift checker speak as.
// One document (the contract, describing the newest GitLab) and its x-gitlab-* facts give every
// release from 11.0 on; nothing outside this module compares version strings.
export {
  allReleases,
  compareReleases,
  formatRelease,
  NEWEST_RELEASE,
  OLDEST_RELEASE,
  parseRelease,
  ReleaseError,
  type Moment,
  type Release,
  type Window,
} from './release.js'
export { FactError, type Presence } from './facts.js'
export { behaviourNames, type BehaviourName, type Behaviours, type BehaviourState } from './behaviours.js'
export { type CatalogueEntry, type FactKind } from './catalogue.js'
export { profileFor, UnknownFactError, versionedFacts, type VersionProfile, type WindowFact } from './profile.js'
