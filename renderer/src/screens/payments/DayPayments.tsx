import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isBusinessDate } from '../../../../shared/dates'
import type { PaymentListDto } from '../../../../shared/dto/payments'
import { LoadError, Loading } from '../../components/Feedback'
import { Field } from '../../components/Field'
import { ticketHref } from '../../routes'
import { useShopFormat } from '../../shop-format'
import { MethodTotals } from './MethodTotals'
import { usePaymentDetails } from './payment-details'
import { useDayPayments } from './payment-hooks'

/** One business day's payments and refunds (today unless another day is picked), with totals per method. */
export function DayPayments() {
  const { t } = useTranslation()
  const format = useShopFormat()
  const today = format.today()
  const [typed, setTyped] = useState(today)
  // A half-typed date keeps showing the last whole one.
  const [date, setDate] = useState(today)
  const list = useDayPayments(date)
  return (
    <section aria-labelledby="day-payments-title" className="day-payments" aria-busy={list.isFetching || undefined}>
      <h2 id="day-payments-title">{date === today ? t('payments.day.titleToday') : t('payments.day.title', { date: format.date(date) })}</h2>
      <div className="form-row">
        <Field id="payments-day" label={t('payments.day.date')}>
          {(control) => (
            <input
              {...control}
              type="date"
              max={today}
              value={typed}
              onChange={(event) => {
                setTyped(event.target.value)
                if (isBusinessDate(event.target.value)) setDate(event.target.value)
              }}
            />
          )}
        </Field>
      </div>
      {list.isPending && <Loading />}
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && <DayList list={list.data} />}
    </section>
  )
}

function DayList({ list }: { list: PaymentListDto }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const details = usePaymentDetails()
  if (list.payments.length === 0) return <p className="empty-state">{t('payments.day.none')}</p>
  return (
    <>
      <MethodTotals list={list} />
      <div className="table-scroll">
        <table className="table table-compact payments-table">
          <caption className="visually-hidden">{t('payments.day.caption', { date: format.date(list.date) })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('payments.table.time')}</th>
              <th scope="col">{t('payments.table.ticket')}</th>
              <th scope="col">{t('payments.table.what')}</th>
              <th scope="col" className="num">
                {t('payments.table.amount')}
              </th>
              <th scope="col">{t('payments.table.details')}</th>
              <th scope="col">{t('payments.table.staff')}</th>
            </tr>
          </thead>
          <tbody>
            {list.payments.map((payment) => (
              <tr key={payment.id} className={payment.kind === 'refund' ? 'row-refund' : undefined}>
                <td className="nowrap">{format.instant(payment.atMs)}</td>
                <td>
                  <a href={ticketHref(payment.ticket.id)}>{payment.ticket.number}</a>
                  <span className="muted"> · {payment.ticket.customerName}</span>
                </td>
                <td>{t('payments.kindMethod', { kind: t(`payments.kind.${payment.kind}`), method: t(`payments.method.${payment.method}`) })}</td>
                <td className="num">{format.money(payment.amountMinor)}</td>
                <td className="pre-wrap">{details(payment)}</td>
                <td>{payment.staffName}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}
