import { AppError, type ErrorCode } from '../../../shared/errors'
import { englishMessage } from '../messages'
import { fieldIssue } from '../zod-issues'

/** An error that names one field of the input, so the form can mark it. */
export function fieldError(path: (string | number)[], messageKey: string, code: ErrorCode = 'INVALID_INPUT'): AppError {
  const top = code === 'INVALID_INPUT' ? 'errors.invalidInput' : messageKey
  return new AppError(code, top, undefined, [fieldIssue(path, messageKey, undefined, englishMessage)])
}
