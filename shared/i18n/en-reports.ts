// English text of the reports screens. Spread into `en` (en.ts); zh-CN-reports.ts must have the same keys.

export const enReports = {} as const
