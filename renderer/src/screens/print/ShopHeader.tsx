import { useTranslation } from 'react-i18next'
import type { ShopSettingsDto } from '../../../../shared/dto/settings'

/** Shop name, address, phone and the owner's receipt header text. */
export function ShopHeader({ shop }: { shop: ShopSettingsDto }) {
  const { t } = useTranslation()
  return (
    <header className="print-header">
      <h1>{shop.shopName}</h1>
      {shop.address && <p>{shop.address}</p>}
      {shop.phone && <p>{t('print.phone', { phone: shop.phone })}</p>}
      {shop.receiptHeader && <p className="print-header-text">{shop.receiptHeader}</p>}
    </header>
  )
}
