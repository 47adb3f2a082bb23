import { useTranslation } from 'react-i18next'
import { CsvButton } from '../../components/CsvButton'
import { csvFileName } from '../../csv'
import { tableCsv, type ReportTableSpec } from './report-table-spec'

interface ReportTableProps<Row> {
  spec: ReportTableSpec<Row>
  /** The report's date (or `<from>_<to>`) for the CSV file name. */
  datePart: string
  /** Paper: the print document's table style and no CSV button. */
  print?: boolean
}

/** A report table with its caption, first column as row headers, totals last and a CSV button on screen. */
export function ReportTable<Row>({ spec, datePart, print = false }: ReportTableProps<Row>) {
  const { t } = useTranslation()
  if (spec.rows.length === 0) {
    return (
      <div className="report-table">
        <p className={print ? 'report-empty-print' : 'empty-state'}>{t('reports.emptyTable', { caption: spec.caption, message: spec.empty })}</p>
      </div>
    )
  }
  const [first, ...rest] = spec.columns
  return (
    <div className="report-table">
      {!print && (
        <div className="report-table-tools">
          <CsvButton fileName={csvFileName(spec.name, datePart)} table={spec.caption} build={() => tableCsv(spec)} />
        </div>
      )}
      <div className={print ? undefined : 'table-scroll'}>
        <table className={print ? 'print-table' : 'table report-grid'}>
          <caption>{spec.caption}</caption>
          <thead>
            <tr>
              {spec.columns.map((column, index) => (
                <th key={index} scope="col" className={column.numeric ? 'num' : undefined}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {spec.rows.map((row) => (
              <tr key={spec.rowKey(row)}>
                {first && <th scope="row">{first.cell(row)}</th>}
                {rest.map((column, index) => (
                  <td key={index} className={column.numeric ? 'num' : undefined}>
                    {column.cell(row)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          {spec.total && (
            <tfoot>
              <tr className="total-row">
                {first && <th scope="row">{first.cell(spec.total)}</th>}
                {rest.map((column, index) => (
                  <td key={index} className={column.numeric ? 'num' : undefined}>
                    {column.cell(spec.total!)}
                  </td>
                ))}
              </tr>
            </tfoot>
          )}
        </table>
      </div>
    </div>
  )
}
