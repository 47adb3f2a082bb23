import { useTranslation } from 'react-i18next'
import type { InvoiceDto, InvoiceLineDto } from '../../../../shared/dto/payments'
import { LinesTable } from '../../components/LinesTable'

/** A line's words: a declined repair's fee line carries none of its own. */
export function useInvoiceLineText() {
  const { t } = useTranslation()
  return (line: InvoiceLineDto) => (line.source === 'diagnosis_fee' ? t('payments.invoice.diagnosisFee') : line.description)
}

/**
 * An invoice's lines with net, tax and total, as the ledger computed them; on the ticket page and
 * on paper (narrow paper drops the kind column). Parts fitted but not quoted say so.
 */
export function InvoiceTable({ invoice, caption, className, withKind }: { invoice: InvoiceDto; caption: string; className?: string; withKind?: boolean }) {
  const { t } = useTranslation()
  const lineText = useInvoiceLineText()
  return (
    <LinesTable
      lines={invoice.lines}
      totals={invoice}
      describe={(line) => (
        <>
          {lineText(line)}
          {line.source === 'parts_used' && <span className="muted"> {t('payments.invoice.fittedNotQuoted')}</span>}
        </>
      )}
      caption={caption}
      {...(className && { className })}
      {...(withKind !== undefined && { withKind })}
    />
  )
}
