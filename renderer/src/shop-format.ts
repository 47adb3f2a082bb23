import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { businessDateOf } from '../../shared/dates'
import { formatBasisPoints, formatBusinessDate, formatInstant } from '../../shared/format'
import { formatMoney } from '../../shared/money'
import { browserTimeZone } from './components/options'
import { useSettings } from './hooks'

export interface ShopFormat {
  timeZone: string
  /** A shop business date (`YYYY-MM-DD`) in the UI locale; '' for none. */
  date(date: string | null | undefined): string
  /** An instant in the shop's time zone, with the time. */
  instant(ms: number): string
  /** Today's business date in the shop's time zone. */
  today(): string
  /** The shop's currency (screens showing money sit inside SettingsGate, so it is the real one). */
  currency: string
  /** Integer minor units in the shop's currency, e.g. 12300 → "¥123.00". */
  money(minor: number): string
  /** Basis points as a percentage, e.g. 1300 → "13%". */
  percent(bp: number): string
}

/** Dates the way this shop shows them: the UI language, the shop's time zone (the browser's until settings load). */
export function useShopFormat(): ShopFormat {
  const { i18n } = useTranslation()
  const settings = useSettings().data
  const timeZone = settings?.timeZone ?? browserTimeZone()
  const currency = settings?.currency ?? 'CNY'
  const locale = i18n.language
  return useMemo(
    () => ({
      timeZone,
      date: (date) => (date ? formatBusinessDate(date, locale) : ''),
      instant: (ms) => formatInstant(ms, locale, timeZone),
      today: () => businessDateOf(Date.now(), timeZone),
      currency,
      money: (minor) => formatMoney(minor, currency, locale),
      percent: (bp) => formatBasisPoints(bp, locale),
    }),
    [locale, timeZone, currency],
  )
}
