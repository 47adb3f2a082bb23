import type { TFunction } from 'i18next'

/** "Cash ¥50.00, WeChat Pay ¥400.00": what a chart shows, in words, for its accessible name. */
export function chartSummary(t: TFunction, labels: readonly string[], values: readonly string[]): string {
  return labels.map((label, index) => t('reports.chart.item', { label, value: values[index] ?? '' })).join(t('common.listSeparator'))
}
