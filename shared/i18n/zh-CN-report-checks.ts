import type { Messages } from './en'
import type { enReportValidation } from './en-report-checks'

// 报表接口的中文提示，与 en-report-checks.ts 一一对应。

export const zhCNReportValidation: Pick<Messages['validation'], keyof typeof enReportValidation> = {
  rangeReversed: '结束日期早于开始日期。',
  rangeTooLong: '统计区间最长 366 天，请缩短日期范围。',
}
