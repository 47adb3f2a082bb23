import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CashSessionDto } from '../../../../shared/dto/payments'
import { useShopFormat } from '../../shop-format'
import { Facts } from '../ticket-detail/Facts'
import { CashMovementForm } from './CashMovementForm'
import { CloseDrawerForm } from './CloseDrawerForm'

type Open = 'movement' | 'close' | null

const buttonId = (form: Exclude<Open, null>) => `drawer-${form}-button`

/**
 * An open drawer: its float, the cash that went in and out through it, and what it should hold
 * now (float + cash in − cash refunds + paid in − paid out); paid in / out and closing from here.
 */
export function OpenDrawer({ session, onMessage, onClosed }: { session: CashSessionDto; onMessage: (message: string) => void; onClosed: (message: string) => void }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const [open, setOpen] = useState<Open>(null)
  const [returnTo, setReturnTo] = useState<Exclude<Open, null> | null>(null)

  useEffect(() => {
    if (open === null && returnTo) document.getElementById(buttonId(returnTo))?.focus()
  }, [open, returnTo])

  const openForm = (form: Exclude<Open, null>) => {
    onMessage('')
    setReturnTo(null)
    setOpen(form)
  }
  const close = () => {
    setReturnTo(open)
    setOpen(null)
  }

  return (
    <>
      <p className="drawer-state">{t('cash.openSince', { when: format.instant(session.openedAtMs), name: session.openedByName })}</p>
      <Facts
        rows={[
          [t('cash.float'), format.money(session.floatMinor)],
          [t('cash.cashIn'), format.money(session.cashInMinor)],
          [t('cash.cashRefunds'), format.money(session.cashRefundsMinor)],
          [t('cash.paidIn'), format.money(session.paidInMinor)],
          [t('cash.paidOut'), format.money(session.paidOutMinor)],
        ]}
      />
      <p className="drawer-expected">
        <span>{t('cash.expectedNow')}</span> <strong>{format.money(session.expectedMinor)}</strong>
      </p>
      {session.movements.length > 0 && <MovementTable session={session} />}
      <div className="form-actions">
        <button type="button" id={buttonId('movement')} className="button" aria-expanded={open === 'movement'} aria-controls={open === 'movement' ? 'drawer-movement' : undefined} onClick={() => openForm('movement')}>
          {t('cash.movementAction')}
        </button>
        <button type="button" id={buttonId('close')} className="button button-primary" aria-expanded={open === 'close'} aria-controls={open === 'close' ? 'drawer-close' : undefined} onClick={() => openForm('close')}>
          {t('cash.closeAction')}
        </button>
      </div>
      {open === 'movement' && (
        <CashMovementForm
          onClose={close}
          onDone={(message) => {
            onMessage(message)
            close()
          }}
        />
      )}
      {open === 'close' && <CloseDrawerForm session={session} onClose={close} onClosed={onClosed} />}
    </>
  )
}

function MovementTable({ session }: { session: CashSessionDto }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  return (
    <div className="table-scroll">
      <table className="table table-compact">
        <caption className="visually-hidden">{t('cash.movementsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('payments.table.time')}</th>
            <th scope="col">{t('cash.movementKind')}</th>
            <th scope="col" className="num">
              {t('payments.table.amount')}
            </th>
            <th scope="col">{t('cash.reason')}</th>
            <th scope="col">{t('payments.table.staff')}</th>
          </tr>
        </thead>
        <tbody>
          {session.movements.map((movement) => (
            <tr key={movement.id}>
              <td className="nowrap">{format.instant(movement.atMs)}</td>
              <td>{t(`cash.kind.${movement.kind}`)}</td>
              <td className="num">{format.money(movement.kind === 'paid_out' ? -movement.amountMinor : movement.amountMinor)}</td>
              <td>{movement.reason}</td>
              <td>{movement.staffName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
