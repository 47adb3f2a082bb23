import type { z } from 'zod'
import type { FieldIssue, MessageParams } from '../../shared/errors'

type Translate = (key: string, params?: MessageParams) => string

/**
 * Turns zod's issues into field issues with i18n keys. Our schemas put the key in the message;
 * zod's own messages (wrong type at the top, unknown keys) are mapped by issue code.
 * Unknown keys become one issue per key, so the path names the offending field.
 */
export function toFieldIssues(error: z.ZodError, translate: Translate): FieldIssue[] {
  const issues: FieldIssue[] = []
  for (const issue of error.issues) {
    const path = issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) issues.push(fieldIssue([...path, key], 'validation.unknownField', undefined, translate))
      continue
    }
    const { key, params } = keyFor(issue)
    issues.push(fieldIssue(path, key, params, translate))
  }
  return issues
}

function keyFor(issue: z.core.$ZodIssue): { key: string; params?: MessageParams } {
  if (issue.message.startsWith('validation.')) return { key: issue.message, ...paramsOf(issue) }
  switch (issue.code) {
    case 'invalid_type':
      return { key: 'validation.invalidType', params: { expected: String(issue.expected) } }
    case 'too_big':
      return { key: 'validation.tooLong', params: { maximum: Number(issue.maximum) } }
    case 'too_small':
      return { key: 'validation.tooShort', params: { minimum: Number(issue.minimum) } }
    default:
      return { key: 'validation.invalid' }
  }
}

function paramsOf(issue: z.core.$ZodIssue): { params?: MessageParams } {
  if (issue.code === 'too_big') return { params: { maximum: Number(issue.maximum) } }
  if (issue.code === 'too_small') return { params: { minimum: Number(issue.minimum) } }
  return {}
}

/** One field's problem, with its English text prefixed by the field's path. */
export function fieldIssue(path: (string | number)[], messageKey: string, params: MessageParams | undefined, translate: Translate): FieldIssue {
  const field = path.length > 0 ? path.join('.') : 'input'
  return {
    path,
    messageKey,
    ...(params && { params }),
    message: `${field}: ${translate(messageKey, params)}`,
  }
}
