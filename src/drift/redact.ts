// The drift checker's redaction is the project's one: what a secret is lives in src/secrets/.
export { createRedactor, type Redactor } from '../secrets/redact.js'
