import { useTranslation } from 'react-i18next'
import type { DeviceDto } from '../../../../shared/dto/catalog'
import type { TicketSummaryDto } from '../../../../shared/dto/tickets'
import { useShopFormat } from '../../shop-format'

/** A device the scan found: what it is, and every earlier ticket it had. */
export function KnownDevice({ device, tickets }: { device: DeviceDto; tickets: TicketSummaryDto[] }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const rows: [string, string][] = [
    [t('fields.model'), `${device.model.manufacturer.name} ${device.model.marketingName} (${device.model.modelCode})`],
    [t('fields.imei'), device.imei ?? ''],
    [t('fields.serial'), device.serial ?? ''],
  ]
  return (
    <div className="found-card">
      <p className="found-card-title">
        {t('intake.knownDevice')}
      </p>
      <dl className="facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className={value ? undefined : 'muted'}>{value || t('common.notSet')}</dd>
          </div>
        ))}
      </dl>
      {tickets.length === 0 ? (
        <p className="muted">{t('intake.noHistory')}</p>
      ) : (
        <table className="table table-compact">
          <caption>{t('intake.historyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('tickets.number')}</th>
              <th scope="col">{t('tickets.received')}</th>
              <th scope="col">{t('tickets.status')}</th>
              <th scope="col">{t('tickets.warranty')}</th>
            </tr>
          </thead>
          <tbody>
            {tickets.map((ticket) => (
              <tr key={ticket.id}>
                <th scope="row">{ticket.number}</th>
                <td>{format.date(ticket.receivedDate)}</td>
                <td>{t(`ticketStatus.${ticket.status}`)}</td>
                <td>{t(`warranty.status.${ticket.warrantyStatus}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
