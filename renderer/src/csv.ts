import Papa from 'papaparse'
import { currencyDigits, minorToDecimalString } from '../../shared/money'

// CSV text for report tables, kept free of the DOM so it is tested as plain functions. Excel
// guesses the encoding of a CSV without a byte-order mark (GBK on a Chinese Windows), so the text
// starts with U+FEFF and Chinese names open correctly; the caller saves it as UTF-8.

export type CsvCell = string | number

/** One column: its header and the cell of each row (numbers stay numbers, money is decimal text). */
export interface CsvColumn<Row> {
  header: string
  value: (row: Row) => CsvCell
}

const byteOrderMark = '\uFEFF'

/**
 * A text cell that a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is written
 * with a leading apostrophe; plain signed numbers such as "-12.50" are left alone, since an
 * over-short of minus 1 yuan must stay a number.
 */
const formulaLike = /^(?![-+]?\d+(\.\d+)?$)[=+\-@\t\r]/

/** RFC 4180 CSV (CRLF, quoted where needed) with a header row, prefixed with a BOM. */
export function buildCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[]): string {
  const body = Papa.unparse(
    { fields: columns.map((column) => column.header), data: rows.map((row) => columns.map((column) => column.value(row))) },
    { newline: '\r\n', escapeFormulae: formulaLike },
  )
  return byteOrderMark + body
}

/** Minor units as the decimal text a spreadsheet reads as a number: 123450 CNY → "1234.50". */
export function moneyCell(minor: number, currency: string): string {
  return minorToDecimalString(minor, currencyDigits(currency))
}

/** A ratio (0…1) as a percentage number with one decimal, e.g. 0.8333 → 83.3; empty when there is none. */
export function percentCell(ratio: number | null): CsvCell {
  return ratio === null ? '' : Math.round(ratio * 1000) / 10
}

/** `<name>-<date>.csv`; a period's date part is `<from>_<to>`. */
export function csvFileName(name: string, datePart: string): string {
  return `${name}-${datePart}.csv`
}
