// English refusals of the report channels, merged into `validation` in en.ts (zh-CN-report-checks.ts mirrors it).

export const enReportValidation = {
  rangeReversed: 'The end date is before the start date.',
  rangeTooLong: 'A period can be at most 366 days: choose a shorter range.',
}
