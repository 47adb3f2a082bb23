import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { EstimateLineKind } from '../../../shared/repair'
import { useShopFormat } from '../shop-format'

interface Line {
  kind: EstimateLineKind
  quantity: number
  unitPriceMinor: number
  lineTotalMinor: number
}

interface Totals {
  netMinor: number
  taxMinor: number
  totalMinor: number
  taxRateBp: number
}

/**
 * Priced lines with net, tax and total as the ledger computed them — an estimate's or an
 * invoice's, on screen and on paper (narrow paper drops the kind column).
 */
export function LinesTable<L extends Line>(props: { lines: readonly L[]; totals: Totals; describe: (line: L) => ReactNode; caption: string; className?: string; withKind?: boolean }) {
  const { lines, totals, describe, caption, className = 'table table-compact', withKind = true } = props
  const { t } = useTranslation()
  const format = useShopFormat()
  const span = withKind ? 4 : 3
  return (
    <table className={`${className} estimate-table`}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          {withKind && <th scope="col">{t('work.lineKind')}</th>}
          <th scope="col">{t('work.description')}</th>
          <th scope="col" className="num">
            {t('work.quantity')}
          </th>
          <th scope="col" className="num">
            {t('work.unitPrice')}
          </th>
          <th scope="col" className="num">
            {t('work.lineTotal')}
          </th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line, index) => (
          <tr key={index}>
            {withKind && <td>{t(`repair.lineKind.${line.kind}`)}</td>}
            <td>{describe(line)}</td>
            <td className="num">{line.quantity}</td>
            <td className="num">{format.money(line.unitPriceMinor)}</td>
            <td className="num">{format.money(line.lineTotalMinor)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <TotalRow span={span} label={t('work.net')} value={format.money(totals.netMinor)} />
        <TotalRow span={span} label={t('work.tax', { rate: format.percent(totals.taxRateBp) })} value={format.money(totals.taxMinor)} />
        <TotalRow span={span} label={t('work.total')} value={format.money(totals.totalMinor)} strong />
      </tfoot>
    </table>
  )
}

function TotalRow({ span, label, value, strong = false }: { span: number; label: string; value: string; strong?: boolean }) {
  return (
    <tr className={strong ? 'total-row' : undefined}>
      <th scope="row" colSpan={span} className="num">
        {label}
      </th>
      <td className="num">{value}</td>
    </tr>
  )
}
