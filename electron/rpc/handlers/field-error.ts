import { AppError, type ErrorCode, type MessageParams } from '../../../shared/errors'
import { englishMessage } from '../messages'
import { fieldIssue } from '../zod-issues'

/** An error that names one field of the input, so the form can mark it. */
export function fieldError(path: (string | number)[], messageKey: string, code: ErrorCode = 'INVALID_INPUT', params?: MessageParams): AppError {
  const top = code === 'INVALID_INPUT' ? 'errors.invalidInput' : messageKey
  return new AppError(code, top, code === 'INVALID_INPUT' ? undefined : params, [fieldIssue(path, messageKey, params, englishMessage)])
}
