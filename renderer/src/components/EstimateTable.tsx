import { useTranslation } from 'react-i18next'
import type { EstimateDto } from '../../../shared/dto/workflow'
import { useShopFormat } from '../shop-format'

/** An estimate's lines with net, tax and total, as the ledger computed them; on screen and on paper. */
export function EstimateTable({ estimate, caption, className = 'table table-compact', withKind = true }: { estimate: EstimateDto; caption: string; className?: string; withKind?: boolean }) {
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
        {estimate.lines.map((line, index) => (
          <tr key={index}>
            {withKind && <td>{t(`repair.lineKind.${line.kind}`)}</td>}
            <td>{line.description}</td>
            <td className="num">{line.quantity}</td>
            <td className="num">{format.money(line.unitPriceMinor)}</td>
            <td className="num">{format.money(line.lineTotalMinor)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <TotalRow span={span} label={t('work.net')} value={format.money(estimate.netMinor)} />
        <TotalRow span={span} label={t('work.tax', { rate: format.percent(estimate.taxRateBp) })} value={format.money(estimate.taxMinor)} />
        <TotalRow span={span} label={t('work.total')} value={format.money(estimate.totalMinor)} strong />
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
