import { useTranslation } from 'react-i18next'
import type { TicketPartLineDto } from '../../../../shared/dto/stock'
import { usePoolNames } from '../../pool-names'
import { useShopFormat } from '../../shop-format'

interface Props {
  lines: TicketPartLineDto[]
  canReturn: boolean
  /** The line whose return form is open. */
  returning: number | null
  onReturn: (movementId: number) => void
}

/** Parts used on the ticket, one row per use: pool, quantity, what came back, serials and price. */
export function TicketPartLines({ lines, canReturn, returning, onReturn }: Props) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const pools = usePoolNames()
  return (
    <div className="table-scroll">
      <table className="table table-compact">
        <caption className="visually-hidden">{t('ticketParts.linesCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('ticketParts.part')}</th>
            <th scope="col">{t('parts.pool')}</th>
            <th scope="col" className="num">
              {t('parts.quantity')}
            </th>
            <th scope="col" className="num">
              {t('ticketParts.returned')}
            </th>
            <th scope="col">{t('ticketParts.serials')}</th>
            <th scope="col" className="num">
              {t('ticketParts.price')}
            </th>
            <th scope="col">{t('ticketParts.usedBy')}</th>
            {canReturn && <th scope="col">{t('parts.actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.movementId}>
              <th scope="row">
                <span className="mono">{line.sku}</span> {line.name}
              </th>
              <td>{pools.label(line.pool)}</td>
              <td className="num">{line.quantity}</td>
              <td className="num">{line.returned}</td>
              <td className="mono pre-wrap">
                {[line.serial && t('ticketParts.fitted', { serial: line.serial }), line.oldSerial && t('ticketParts.removed', { serial: line.oldSerial })].filter(Boolean).join('\n')}
              </td>
              <td className="num">{format.money(line.sellPriceMinor)}</td>
              <td>{t('work.by', { when: format.instant(line.atMs), name: line.staffName })}</td>
              {canReturn && (
                <td>
                  {line.netQuantity > 0 && (
                    <button
                      type="button"
                      id={`ticket-part-return-${line.movementId}`}
                      className="button button-small"
                      aria-expanded={returning === line.movementId}
                      aria-label={t('ticketParts.returnLabel', { sku: line.sku })}
                      onClick={() => onReturn(line.movementId)}
                    >
                      {t('ticketParts.return')}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
