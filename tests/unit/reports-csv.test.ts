import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { buildCsv, csvFileName, moneyCell, percentCell, type CsvColumn } from '../../renderer/src/csv'

// The CSV text behind every report table's download: written, then read back with papaparse.

interface Row {
  name: string
  count: number
  amountMinor: number
}

const columns: CsvColumn<Row>[] = [
  { header: '技术员', value: (row) => row.name },
  { header: 'Repairs', value: (row) => row.count },
  { header: 'Net (CNY)', value: (row) => moneyCell(row.amountMinor, 'CNY') },
]

function readBack(text: string): string[][] {
  expect(text.startsWith('\uFEFF')).toBe(true)
  const parsed = Papa.parse<string[]>(text.slice(1), { newline: '\r\n' })
  expect(parsed.errors).toEqual([])
  return parsed.data
}

describe('report CSV', () => {
  it('writes a header row and the rows, UTF-8 text with a BOM and CRLF line ends', () => {
    const text = buildCsv(columns, [
      { name: '王师傅', count: 8, amountMinor: 123_450 },
      { name: 'Li Wei', count: 0, amountMinor: 5 },
    ])
    expect(text).toBe('\uFEFF技术员,Repairs,Net (CNY)\r\n王师傅,8,1234.50\r\nLi Wei,0,0.05')
    expect(readBack(text)).toEqual([
      ['技术员', 'Repairs', 'Net (CNY)'],
      ['王师傅', '8', '1234.50'],
      ['Li Wei', '0', '0.05'],
    ])
  })

  it('quotes commas, quotes and line breaks so they read back unchanged', () => {
    const awkward = ['Samsung, Galaxy "S24"', '第一行\n第二行', '，全角逗号']
    const text = buildCsv(columns, awkward.map((name) => ({ name, count: 1, amountMinor: 100 })))
    expect(readBack(text).slice(1).map((row) => row[0])).toEqual(awkward)
  })

  it('keeps negative money a number but defuses text a spreadsheet would run as a formula', () => {
    const text = buildCsv(columns, [
      { name: '=HYPERLINK("http://x")', count: -1, amountMinor: -100 },
      { name: '-not a number', count: 2, amountMinor: -123_456 },
      { name: '@SUM(A1)', count: 3, amountMinor: 0 },
    ])
    expect(readBack(text).slice(1)).toEqual([
      ["'=HYPERLINK(\"http://x\")", '-1', '-1.00'],
      ["'-not a number", '2', '-1234.56'],
      ["'@SUM(A1)", '3', '0.00'],
    ])
  })

  it('writes money in the currency’s own decimals and rates as percentages', () => {
    expect(moneyCell(123_450, 'CNY')).toBe('1234.50')
    expect(moneyCell(1500, 'JPY')).toBe('1500')
    expect(moneyCell(-7, 'CNY')).toBe('-0.07')
    expect(percentCell(11 / 12)).toBe(91.7)
    expect(percentCell(0)).toBe(0)
    expect(percentCell(null)).toBe('')
  })

  it('names the file after the table and the date or period', () => {
    expect(csvFileName('takings', '2026-11-27')).toBe('takings-2026-11-27.csv')
    expect(csvFileName('technicians', '2026-11-01_2026-11-30')).toBe('technicians-2026-11-01_2026-11-30.csv')
  })
})
