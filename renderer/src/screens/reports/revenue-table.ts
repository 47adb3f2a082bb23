import type { TFunction } from 'i18next'
import type { RevenueSplitDto } from '../../../../shared/dto/reports'
import type { ColumnKit, ReportTableSpec } from './report-table-spec'

interface RevenueLine {
  key: string
  label: string
  amountMinor: number
}

/**
 * Paid work's money as one line per figure, in the order an owner reads it: what was charged,
 * the tax in it, the net, what the shop's parts cost and the margin left. Empty when no paid
 * ticket was handed back, so a quiet day says so instead of a column of zeros.
 */
export function revenueSplitTable(t: TFunction, kit: ColumnKit, split: RevenueSplitDto, name: string, caption: string, empty: string): ReportTableSpec<RevenueLine> {
  const lines: [string, number][] = [
    ['labour', split.labourMinor],
    ['parts', split.partsMinor],
    ['fees', split.feesMinor],
    ['total', split.totalMinor],
    ['tax', split.taxMinor],
    ['net', split.netMinor],
    ['partsCost', split.partsCostMinor],
    ['grossMargin', split.grossMarginMinor],
  ]
  return {
    name,
    caption,
    columns: [kit.text<RevenueLine>(t('reports.revenue.figure'), (row) => row.label), kit.money<RevenueLine>(t('reports.revenue.amount'), (row) => row.amountMinor)],
    rows: split.tickets === 0 ? [] : lines.map(([key, amountMinor]) => ({ key, label: t(`reports.revenue.${key}`), amountMinor })),
    rowKey: (row) => row.key,
    empty,
  }
}
