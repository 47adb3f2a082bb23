import type { TFunction } from 'i18next'
import type { ReactNode } from 'react'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { buildCsv, moneyCell, percentCell, type CsvCell } from '../../csv'
import type { ReportFormat } from './report-format'

// One definition per report table, read three ways: the screen, the paper and the CSV file. So a
// figure cannot differ between what the owner sees, prints and exports.

export interface ReportColumn<Row> {
  header: string
  /** What the screen and the paper show. */
  cell: (row: Row) => ReactNode
  /** What the CSV holds: counts as numbers, money as decimal text. */
  csv: (row: Row) => CsvCell
  /** The CSV's header when it says more than the screen's (money names its currency). */
  csvHeader?: string
  numeric?: boolean
}

export interface ReportTableSpec<Row> {
  /** The CSV file's base name, e.g. "takings" → takings-2026-11-27.csv. */
  name: string
  caption: string
  columns: ReportColumn<Row>[]
  rows: Row[]
  rowKey: (row: Row) => string | number
  /** A last row of totals, shown and exported after the rows. */
  total?: Row
  /** Said instead of a table with no rows. */
  empty: string
}

/** The CSV text of a table: the same columns and rows as on screen, totals last. */
export function tableCsv<Row>(spec: ReportTableSpec<Row>): string {
  const rows = spec.total ? [...spec.rows, spec.total] : spec.rows
  return buildCsv(
    spec.columns.map((column) => ({ header: column.csvHeader ?? column.header, value: column.csv })),
    rows,
  )
}

export interface ColumnKit {
  text<Row>(header: string, get: (row: Row) => string, show?: (row: Row) => ReactNode): ReportColumn<Row>
  /** A count; null (a line with no count of its own) shows as a dash and exports empty. */
  count<Row>(header: string, get: (row: Row) => number | null): ReportColumn<Row>
  /** Money from minor units; null (e.g. a drawer not counted yet) shows as a dash and exports empty. */
  money<Row>(header: string, get: (row: Row) => number | null): ReportColumn<Row>
  /** A ratio 0…1 shown as a percentage, exported as a percentage number. */
  ratio<Row>(header: string, get: (row: Row) => number | null): ReportColumn<Row>
  /** Hours, one decimal; empty when nothing was measured. */
  hours<Row>(header: string, get: (row: Row) => number | null): ReportColumn<Row>
  /** Whole days; empty when nothing was measured. */
  days<Row>(header: string, get: (row: Row) => number | null): ReportColumn<Row>
}

/** Column builders bound to the UI language and the shop's currency. */
export function useColumnKit(format: ReportFormat): ColumnKit {
  const { t } = useTranslation()
  return useMemo(() => columnKit(format, t), [format, t])
}

function columnKit(format: ReportFormat, t: TFunction): ColumnKit {
  function text<Row>(header: string, get: (row: Row) => string, show?: (row: Row) => ReactNode): ReportColumn<Row> {
    return { header, cell: show ?? get, csv: get }
  }
  function count<Row>(header: string, get: (row: Row) => number | null): ReportColumn<Row> {
    return { header, cell: (row) => nullable(get(row), format.count, t('reports.none')), csv: (row) => get(row) ?? '', numeric: true }
  }
  function money<Row>(header: string, get: (row: Row) => number | null): ReportColumn<Row> {
    return {
      header,
      cell: (row) => nullable(get(row), format.money, t('reports.none')),
      csv: (row) => nullable(get(row), (minor) => moneyCell(minor, format.currency), ''),
      csvHeader: t('reports.csv.inCurrency', { label: header, currency: format.currency }),
      numeric: true,
    }
  }
  function ratio<Row>(header: string, get: (row: Row) => number | null): ReportColumn<Row> {
    return { header, cell: (row) => format.ratio(get(row)), csv: (row) => percentCell(get(row)), csvHeader: t('reports.csv.inPercent', { label: header }), numeric: true }
  }
  function hours<Row>(header: string, get: (row: Row) => number | null): ReportColumn<Row> {
    return { header, cell: (row) => format.hours(get(row)), csv: (row) => get(row) ?? '', csvHeader: t('reports.csv.inHours', { label: header }), numeric: true }
  }
  function days<Row>(header: string, get: (row: Row) => number | null): ReportColumn<Row> {
    return { header, cell: (row) => format.days(get(row)), csv: (row) => get(row) ?? '', csvHeader: t('reports.csv.inDays', { label: header }), numeric: true }
  }
  return { text, count, money, ratio, hours, days }
}

function nullable<T>(value: number | null, show: (value: number) => T, none: T): T {
  return value === null ? none : show(value)
}
