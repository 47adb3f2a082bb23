import { useTranslation } from 'react-i18next'
import type { InvoiceDto, InvoiceLineDto } from '../../../../shared/dto/payments'
import { useShopFormat } from '../../shop-format'

/** A line's words: a declined repair's fee line carries none of its own. */
export function useInvoiceLineText() {
  const { t } = useTranslation()
  return (line: InvoiceLineDto) => (line.source === 'diagnosis_fee' ? t('payments.invoice.diagnosisFee') : line.description)
}

/**
 * An invoice's lines with net, tax and total, as the ledger computed them; on the ticket page and
 * on paper (narrow paper drops the kind column).
 */
export function InvoiceTable({ invoice, caption, className = 'table table-compact', withKind = true }: { invoice: InvoiceDto; caption: string; className?: string; withKind?: boolean }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const lineText = useInvoiceLineText()
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
        {invoice.lines.map((line, index) => (
          <tr key={index}>
            {withKind && <td>{t(`repair.lineKind.${line.kind}`)}</td>}
            <td>
              {lineText(line)}
              {line.source === 'parts_used' && <span className="muted"> {t('payments.invoice.fittedNotQuoted')}</span>}
            </td>
            <td className="num">{line.quantity}</td>
            <td className="num">{format.money(line.unitPriceMinor)}</td>
            <td className="num">{format.money(line.lineTotalMinor)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <TotalRow span={span} label={t('work.net')} value={format.money(invoice.netMinor)} />
        <TotalRow span={span} label={t('work.tax', { rate: format.percent(invoice.taxRateBp) })} value={format.money(invoice.taxMinor)} />
        <TotalRow span={span} label={t('work.total')} value={format.money(invoice.totalMinor)} strong />
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
