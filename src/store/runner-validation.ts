// The runner model's validations (reference §2.1, §4.4), in the order GitLab runs them, so error
// objects list fields as GitLab does. `tags_list` (sic) is GitLab's key.
import type { RunnerRecord } from './records.js'

export const MAX_TAGS = 50
export const MIN_MAXIMUM_TIMEOUT = 600
export const MAX_TEXT_LENGTH = 1024
export const MAX_NAME_LENGTH = 256

type Validated = Pick<RunnerRecord, 'tagList' | 'runUntagged' | 'name' | 'description' | 'maximumTimeout' | 'maintenanceNote'>

/** Field → messages; empty when the runner is valid. */
export function runnerErrors(runner: Validated): Record<string, string[]> {
  const errors: Record<string, string[]> = {}
  const add = (field: string, message: string) => {
    errors[field] = [...(errors[field] ?? []), message]
  }
  if (runner.tagList.length === 0 && !runner.runUntagged) {
    add('tags_list', 'can not be empty when runner is not allowed to pick untagged jobs')
  }
  if (runner.tagList.length > MAX_TAGS) {
    add('tags_list', `Too many tags specified. Please limit the number of tags to ${MAX_TAGS}`)
  }
  if (runner.name !== null && runner.name.length > MAX_NAME_LENGTH) {
    add('name', `is too long (maximum is ${MAX_NAME_LENGTH} characters)`)
  }
  if (runner.description !== null && runner.description.length > MAX_TEXT_LENGTH) {
    add('description', `is too long (maximum is ${MAX_TEXT_LENGTH} characters)`)
  }
  if (runner.maximumTimeout !== null && runner.maximumTimeout < MIN_MAXIMUM_TIMEOUT) {
    add('maximum_timeout', 'needs to be at least 10 minutes')
  }
  if (runner.maintenanceNote !== null && runner.maintenanceNote.length > MAX_TEXT_LENGTH) {
    add('maintenance_note', `is too long (maximum is ${MAX_TEXT_LENGTH} characters)`)
  }
  return errors
}

/** Rails' full messages as one sentence: "Maximum timeout needs to be at least 10 minutes and …". */
export function errorSentence(errors: Record<string, string[]>): string {
  const messages = Object.entries(errors).flatMap(([field, list]) => list.map((message) => `${humanize(field)} ${message}`))
  if (messages.length <= 2) return messages.join(' and ')
  return `${messages.slice(0, -1).join(', ')}, and ${messages[messages.length - 1]}`
}

function humanize(field: string): string {
  const words = field.replaceAll('_', ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}
