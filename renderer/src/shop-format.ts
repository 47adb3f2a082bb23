import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { businessDateOf } from '../../shared/dates'
import { formatBusinessDate, formatInstant } from '../../shared/format'
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
}

/** Dates the way this shop shows them: the UI language, the shop's time zone (the browser's until settings load). */
export function useShopFormat(): ShopFormat {
  const { i18n } = useTranslation()
  const timeZone = useSettings().data?.timeZone ?? browserTimeZone()
  const locale = i18n.language
  return useMemo(
    () => ({
      timeZone,
      date: (date) => (date ? formatBusinessDate(date, locale) : ''),
      instant: (ms) => formatInstant(ms, locale, timeZone),
      today: () => businessDateOf(Date.now(), timeZone),
    }),
    [locale, timeZone],
  )
}
