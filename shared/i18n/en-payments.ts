// English text of the payments screens. Spread into `en` (en.ts); zh-CN-payments.ts must have the same keys.

export const enPayments = {} as const
