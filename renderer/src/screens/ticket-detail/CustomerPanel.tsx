import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TicketDetailDto } from '../../../../shared/dto/tickets'
import { StatusMessage } from '../../components/Feedback'
import { CustomerEditForm } from './CustomerEditForm'
import { Facts } from './Facts'

/** The ticket's customer, with an inline editor (a new phone number, a typo in the name). */
export function CustomerPanel({ ticket }: { ticket: TicketDetailDto }) {
  const { t } = useTranslation()
  const [editing, setEditing] = useState(false)
  const [status, setStatus] = useState<string | null>(null)
  const [returnFocus, setReturnFocus] = useState(false)
  const editButton = useRef<HTMLButtonElement>(null)
  const { customer } = ticket
  useEffect(() => {
    // Back to the Edit button once it is there again, so a keyboard user keeps their place.
    if (!editing && returnFocus) editButton.current?.focus()
  }, [editing, returnFocus])
  const close = (saved: boolean) => {
    setEditing(false)
    setReturnFocus(true)
    setStatus(saved ? t('ticket.customerSaved') : null)
  }
  return (
    <section aria-labelledby="ticket-customer-title">
      <h2 id="ticket-customer-title">{t('ticket.customer')}</h2>
      {editing ? (
        <CustomerEditForm customer={customer} onClose={close} />
      ) : (
        <>
          <Facts
            rows={[
              [t('fields.customerName'), customer.name],
              [t('fields.phone'), customer.phone],
              [t('fields.customerKind'), t(`customerKind.${customer.kind}`)],
              [t('fields.email'), customer.email ?? ''],
              [t('fields.notes'), customer.notes],
            ]}
          />
          <div className="form-actions">
            <button type="button" ref={editButton} className="button button-small" onClick={() => {
                setStatus(null)
                setReturnFocus(false)
                setEditing(true)
              }}>
              {t('ticket.editCustomer')}
            </button>
            <StatusMessage message={status} />
          </div>
        </>
      )}
    </section>
  )
}
