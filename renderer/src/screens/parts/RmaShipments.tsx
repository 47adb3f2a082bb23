import { useTranslation } from 'react-i18next'
import type { RmaShipmentDto } from '../../../../shared/dto/stock'
import { useShopFormat } from '../../shop-format'

/** The last RMA shipments: when, to whom, how, and which parts went in the box. */
export function RmaShipments({ shipments }: { shipments: RmaShipmentDto[] }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  return (
    <section aria-labelledby="rma-shipments-title">
      <h3 id="rma-shipments-title">{t('rma.shipmentsTitle')}</h3>
      {shipments.length === 0 ? (
        <p className="empty-state">{t('rma.noShipments')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table table-compact">
            <caption className="visually-hidden">{t('rma.shipmentsTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('rma.shippedDate')}</th>
                <th scope="col">{t('rma.manufacturer')}</th>
                <th scope="col">{t('rma.carrier')}</th>
                <th scope="col">{t('rma.trackingNumber')}</th>
                <th scope="col">{t('rma.items')}</th>
                <th scope="col">{t('parts.staff')}</th>
              </tr>
            </thead>
            <tbody>
              {shipments.map((shipment) => (
                <tr key={shipment.id}>
                  <td className="nowrap">{format.date(shipment.businessDate)}</td>
                  <th scope="row">{shipment.manufacturer.name}</th>
                  <td>{shipment.carrier}</td>
                  <td className="mono">{shipment.trackingNumber}</td>
                  <td>{shipment.items.map((item) => t('rma.itemText', { sku: item.sku, quantity: item.quantity, ticket: item.ticket.number })).join(t('common.listSeparator'))}</td>
                  <td>{shipment.staffName}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}
