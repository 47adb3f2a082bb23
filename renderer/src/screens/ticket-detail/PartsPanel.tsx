import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TicketPartsDto } from '../../../../shared/dto/stock'
import type { TicketDetailDto } from '../../../../shared/dto/tickets'
import type { TicketStatus } from '../../../../shared/tickets'
import { LoadError, Loading, StatusMessage } from '../../components/Feedback'
import { usePoolNames } from '../../pool-names'
import { partsHref } from '../../routes'
import { DefectiveTable } from '../parts/DefectiveTable'
import { useTicketParts } from '../parts/stock-hooks'
import { ReturnPartForm } from './ReturnPartForm'
import { TicketPartLines } from './TicketPartLines'
import { UsePartsForm } from './UsePartsForm'

/** The ledger takes parts for a ticket only while it waits for them or is being repaired. */
const partsStatuses: readonly TicketStatus[] = ['awaiting_parts', 'in_repair']

/** The ticket's parts: what was used (and returned), the form to use more, and the defective parts it owes. */
export function PartsPanel({ ticket }: { ticket: TicketDetailDto }) {
  const { t } = useTranslation()
  const parts = useTicketParts(ticket.id)
  return (
    <section aria-labelledby="ticket-parts-title" className="work-panel" aria-busy={parts.isPending || undefined}>
      <h2 id="ticket-parts-title" tabIndex={-1}>
        {t('ticketParts.title')}
      </h2>
      {parts.isPending && <Loading />}
      {parts.isError && <LoadError error={parts.error} onRetry={() => void parts.refetch()} />}
      {parts.data && <PartsBody ticket={ticket} parts={parts.data} />}
    </section>
  )
}

function PartsBody({ ticket, parts }: { ticket: TicketDetailDto; parts: TicketPartsDto }) {
  const { t } = useTranslation()
  const pools = usePoolNames()
  const [using, setUsing] = useState(false)
  const [returning, setReturning] = useState<number | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  // Where focus goes once a form closes: the button that opened it.
  const [returnTo, setReturnTo] = useState<string | null>(null)
  const canUse = partsStatuses.includes(ticket.status)
  const canReturn = ticket.status !== 'collected'
  const line = parts.lines.find((l) => l.movementId === returning)
  // A removed part whose new part came back unused stayed in the device: nothing is owed for it.
  const defective = parts.defective.filter((d) => d.quantity > 0)

  useEffect(() => {
    if (!using && returning === null && returnTo) document.getElementById(returnTo)?.focus()
  }, [using, returning, returnTo])

  const closeUse = () => {
    setReturnTo('ticket-parts-use')
    setUsing(false)
  }
  const closeReturn = () => {
    setReturnTo(`ticket-part-return-${returning}`)
    setReturning(null)
  }
  const done = (message: string, close: () => void) => {
    setStatus(message)
    close()
  }

  return (
    <>
      <p className="meta">{t('ticketParts.drawsFrom', { pools: parts.pools.map(pools.label).join(t('ticketParts.poolThen')) })}</p>
      {canUse ? (
        <div className="form-actions">
          <button
            type="button"
            id="ticket-parts-use"
            className="button button-primary"
            aria-expanded={using}
            aria-controls={using ? 'ticket-use-parts' : undefined}
            onClick={() => {
              setStatus(null)
              setReturning(null)
              setUsing(true)
            }}
          >
            {t('ticketParts.use')}
          </button>
        </div>
      ) : (
        <p className="note">{t('ticketParts.notNow', { status: t(`ticketStatus.${ticket.status}`) })}</p>
      )}
      <StatusMessage message={status} />
      {using && canUse && <UsePartsForm ticket={ticket} parts={parts} onClose={closeUse} onDone={(message) => done(message, closeUse)} />}
      {parts.lines.length === 0 ? (
        <p className="empty-state">{t('ticketParts.none')}</p>
      ) : (
        <TicketPartLines
          lines={parts.lines}
          canReturn={canReturn}
          returning={returning}
          onReturn={(movementId) => {
            setStatus(null)
            setUsing(false)
            setReturning(movementId)
          }}
        />
      )}
      {line && <ReturnPartForm key={line.movementId} ticketId={ticket.id} line={line} onClose={closeReturn} onDone={(message) => done(message, closeReturn)} />}
      {defective.length > 0 && (
        <div className="work-block">
          <h3>{t('ticketParts.defectiveTitle')}</h3>
          <p className="field-hint">
            {t('ticketParts.defectiveHint')} <a href={partsHref('rma')}>{t('ticketParts.toRma')}</a>
          </p>
          <DefectiveTable items={defective} caption={t('ticketParts.defectiveTitle')} />
        </div>
      )}
    </>
  )
}
