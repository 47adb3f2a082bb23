import { useTranslation } from 'react-i18next'
import { printHref, type PrintLayout } from '../routes'

/** The translated name of each printable document, as its link says it. */
const printLabelKeys: Record<PrintLayout, string> = {
  'receipt-80': 'intake.printReceipt80',
  'receipt-a4': 'intake.printReceiptA4',
  label: 'intake.printLabel',
  'job-sheet': 'workPrint.printJobSheet',
  'handback-80': 'workPrint.printHandback80',
  'handback-a4': 'workPrint.printHandbackA4',
}

/** Links to a ticket's print pages; the first one can stand out as the likely next step. */
export function PrintLinks({ ticketId, layouts, primaryFirst = false }: { ticketId: number; layouts: readonly PrintLayout[]; primaryFirst?: boolean }) {
  const { t } = useTranslation()
  return (
    <>
      {layouts.map((layout, index) => (
        <a key={layout} className={primaryFirst && index === 0 ? 'button button-primary' : 'button'} href={printHref(ticketId, layout)}>
          {t(printLabelKeys[layout])}
        </a>
      ))}
    </>
  )
}
