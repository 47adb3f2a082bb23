import { useTranslation } from 'react-i18next'
import type { ShopSettingsDto } from '../../../../shared/dto/settings'
import type { TicketDetailDto } from '../../../../shared/dto/tickets'
import { deviceText } from '../../ticket-text'
import { Barcode } from './Barcode'

/** The small tag that stays on the device: whose it is and the ticket to scan. */
export function DeviceLabel({ ticket, shop }: { ticket: TicketDetailDto; shop: ShopSettingsDto }) {
  const { t } = useTranslation()
  return (
    <article className="print-doc print-label">
      <h1 className="label-shop">{shop.shopName}</h1>
      <p className="label-number">{ticket.number}</p>
      <Barcode value={ticket.number} label={t('print.barcode', { number: ticket.number })} height={40} />
      <p className="label-line">{ticket.customer.name}</p>
      <p className="label-line">{deviceText(ticket)}</p>
    </article>
  )
}
