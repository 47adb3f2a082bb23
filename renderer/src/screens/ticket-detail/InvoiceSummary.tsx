import { useTranslation } from 'react-i18next'
import type { InvoiceDto } from '../../../../shared/dto/payments'
import { InvoiceTable } from '../payments/InvoiceTable'
import { useInvoiceFigures } from '../payments/invoice-figures'
import { Facts } from './Facts'

/**
 * What the customer owes on this ticket: nothing for warranty work (the manufacturer pays); the
 * invoice lines once there is something to bill (as quoted until the repair is done); then the
 * total, what was paid and the balance or credit.
 */
export function InvoiceSummary({ invoice }: { invoice: InvoiceDto }) {
  const { t } = useTranslation()
  const figures = useInvoiceFigures()
  if (invoice.kind === 'warranty') return <p className="note">{t('payments.invoice.warranty')}</p>
  return (
    <div className="work-block">
      <h3>{invoice.final ? t('payments.invoice.finalTitle') : t('payments.invoice.draftTitle')}</h3>
      {invoice.priced ? (
        <div className="table-scroll">
          <InvoiceTable invoice={invoice} caption={t('payments.invoice.caption')} />
        </div>
      ) : (
        <p className="note">{t('payments.invoice.notPriced')}</p>
      )}
      {invoice.priced && !invoice.final && <p className="field-hint">{t('payments.invoice.draftHint')}</p>}
      <div className={invoice.priced && invoice.balanceMinor !== 0 ? 'money-figures money-figures-due' : 'money-figures'}>
        <Facts rows={figures(invoice)} />
      </div>
      {invoice.priced && invoice.balanceMinor < 0 && <p className="note">{t('payments.invoice.creditHint')}</p>}
      {invoice.collectOverrideNote !== null && <p className="note">{t('payments.invoice.overrideNote', { note: invoice.collectOverrideNote })}</p>}
    </div>
  )
}
