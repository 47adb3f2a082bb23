// The closed set of error codes every channel may answer with. The renderer translates
// `messageKey`; `message` is the English text for logs and API consumers.
export const errorCodes = [
  'INVALID_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'ILLEGAL_TRANSITION',
  'RATE_LIMITED',
  'UNKNOWN_CHANNEL',
  'PAYLOAD_TOO_LARGE',
  'INTERNAL',
] as const

export type ErrorCode = (typeof errorCodes)[number]

export type MessageParams = Record<string, string | number>

/** One problem with one field of the input; `path` names the field (e.g. ['owner', 'pin']). */
export interface FieldIssue {
  path: (string | number)[]
  messageKey: string
  params?: MessageParams
  message: string
}

export interface RpcError {
  code: ErrorCode
  messageKey: string
  message: string
  params?: MessageParams
  issues?: FieldIssue[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: RpcError }

/** Thrown inside the main side only; dispatch turns it into a Result before it crosses a boundary. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly messageKey: string
  readonly params?: MessageParams
  readonly issues?: FieldIssue[]

  constructor(code: ErrorCode, messageKey: string, params?: MessageParams, issues?: FieldIssue[]) {
    super(messageKey)
    this.name = 'AppError'
    this.code = code
    this.messageKey = messageKey
    if (params) this.params = params
    if (issues) this.issues = issues
  }
}

/** HTTP status for each code, used by the web transport. */
export const httpStatusFor: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  ILLEGAL_TRANSITION: 409,
  RATE_LIMITED: 429,
  UNKNOWN_CHANNEL: 404,
  PAYLOAD_TOO_LARGE: 413,
  INTERNAL: 500,
}
