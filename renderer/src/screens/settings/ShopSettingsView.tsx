import { useTranslation } from 'react-i18next'
import type { ShopSettingsDto } from '../../../../shared/dto/settings'
import { formatBasisPoints } from '../../../../shared/format'
import { isLocale } from '../../../../shared/locales'

/** Shop settings as a technician sees them: the same facts, nothing editable. */
export function ShopSettingsView({ settings }: { settings: ShopSettingsDto }) {
  const { t, i18n } = useTranslation()
  const currencyName = new Intl.DisplayNames([i18n.language], { type: 'currency' }).of(settings.currency)
  const rows: [string, string][] = [
    [t('fields.shopName'), settings.shopName],
    [t('fields.address'), settings.address],
    [t('fields.phone'), settings.phone],
    [t('fields.taxId'), settings.taxId],
    [t('fields.currency'), currencyName ? `${settings.currency} — ${currencyName}` : settings.currency],
    [t('fields.taxRateBp'), formatBasisPoints(settings.taxRateBp, i18n.language)],
    [t('fields.pricesIncludeTax'), settings.pricesIncludeTax ? t('common.yes') : t('common.no')],
    [t('fields.timeZone'), settings.timeZone],
    [t('fields.locale'), isLocale(settings.locale) ? t(`language.${settings.locale}`) : settings.locale],
    [t('fields.receiptHeader'), settings.receiptHeader],
    [t('fields.receiptFooter'), settings.receiptFooter],
  ]
  return (
    <dl className="readonly-list">
      {rows.map(([label, value]) => (
        <div key={label} className="readonly-row">
          <dt>{label}</dt>
          <dd className={value ? undefined : 'muted'}>{value || t('common.notSet')}</dd>
        </div>
      ))}
    </dl>
  )
}
