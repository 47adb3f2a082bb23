import { useTranslation } from 'react-i18next'
import type { DefectivePartDto } from '../../../../shared/dto/stock'
import { ticketHref } from '../../routes'
import { useShopFormat } from '../../shop-format'

interface Selection {
  /** Prefix of the checkboxes' ids. */
  id: string
  chosen: number[]
  onChange: (chosen: number[]) => void
  error?: string | undefined
}

/**
 * Defective parts with their return-by date and how many days are left (overdue in words, not
 * only in colour). With `selection`, each row has a checkbox to put it in a shipment.
 */
export function DefectiveTable({ items, caption, selection }: { items: DefectivePartDto[]; caption: string; selection?: Selection }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const toggle = (itemId: number, on: boolean) => selection?.onChange(on ? [...selection.chosen, itemId] : selection.chosen.filter((chosen) => chosen !== itemId))
  const all = selection !== undefined && items.every((item) => selection.chosen.includes(item.id))
  const errorId = selection?.error ? `${selection.id}-select-error` : undefined
  return (
    <div className={selection?.error ? 'table-scroll field-invalid' : 'table-scroll'}>
      <table className="table table-compact" aria-describedby={errorId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {selection && (
              <th scope="col">
                <input
                  type="checkbox"
                  aria-label={t('rma.selectAll')}
                  checked={all}
                  aria-invalid={selection.error ? true : undefined}
                  onChange={(event) => selection.onChange(event.target.checked ? items.map((item) => item.id) : [])}
                />
              </th>
            )}
            <th scope="col">{t('parts.sku')}</th>
            <th scope="col">{t('parts.name')}</th>
            <th scope="col">{t('parts.ticket')}</th>
            <th scope="col" className="num">
              {t('parts.quantity')}
            </th>
            <th scope="col">{t('rma.oldSerial')}</th>
            <th scope="col">{t('rma.removed')}</th>
            <th scope="col">{t('rma.returnBy')}</th>
            <th scope="col">{t('rma.state')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id} className={item.overdue && !item.shipment ? 'row-overdue' : undefined}>
              {selection && (
                <td>
                  <input
                    type="checkbox"
                    id={`${selection.id}-item-${item.id}`}
                    aria-label={t('rma.selectItem', { sku: item.sku, ticket: item.ticket.number })}
                    checked={selection.chosen.includes(item.id)}
                    onChange={(event) => toggle(item.id, event.target.checked)}
                  />
                </td>
              )}
              <th scope="row" className="mono">
                {item.sku}
              </th>
              <td>{item.name}</td>
              <td className="nowrap">
                <a href={ticketHref(item.ticket.id)}>{item.ticket.number}</a>
              </td>
              <td className="num">{item.quantity}</td>
              <td className="mono">{item.oldSerial ?? ''}</td>
              <td className="nowrap">{format.instant(item.removedAtMs)}</td>
              <td className="nowrap">{format.date(item.returnByDate)}</td>
              <td>
                <DefectiveState item={item} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {selection?.error && (
        <p id={errorId} className="field-error">
          {selection.error}
        </p>
      )}
    </div>
  )
}

function DefectiveState({ item }: { item: DefectivePartDto }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  if (item.shipment) return <>{t('rma.shippedOn', { date: format.date(item.shipment.businessDate), carrier: item.shipment.carrier, tracking: item.shipment.trackingNumber })}</>
  if (item.overdue) return <span className="tag tag-danger tag-first">{t('rma.daysOverdue', { days: Math.abs(item.daysLeft) })}</span>
  return <>{item.daysLeft === 0 ? t('rma.dueToday') : t('rma.daysLeft', { days: item.daysLeft })}</>
}
