import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { isBusinessDate } from '../../../../shared/dates'
import { useShopFormat, type ShopFormat } from '../../shop-format'

export interface ReportFormat extends ShopFormat {
  /** A count in the UI locale, e.g. 1234 → "1,234". */
  count(n: number): string
  /** A ratio 0…1 as a percentage with at most one decimal; "—" when there was nothing to measure. */
  ratio(value: number | null): string
  /** Hours with at most one decimal and the unit; "—" when nothing was measured. */
  hours(value: number | null): string
  /** Whole days with the unit; "—" when nothing was measured. */
  days(value: number | null): string
  /** A business date in the UI locale, or the text as it is when it is not a date (a half-typed field). */
  day(date: string): string
  /** Over/short of a drawer in words: "Exact", "Over ¥1.00", "Short ¥1.00"; "Not counted" before it is closed. */
  overShort(minor: number | null): string
}

/** The shop's money and dates plus the counts, rates and durations the reports show. */
export function useReportFormat(): ReportFormat {
  const { t, i18n } = useTranslation()
  const shop = useShopFormat()
  const locale = i18n.language
  return useMemo(() => {
    const counts = new Intl.NumberFormat(locale)
    const percents = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })
    const decimals = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })
    const none = t('reports.none')
    return {
      ...shop,
      count: (n) => counts.format(n),
      day: (date) => (isBusinessDate(date) ? shop.date(date) : date),
      ratio: (value) => (value === null ? none : percents.format(value)),
      hours: (value) => (value === null ? none : t('reports.hoursValue', { hours: decimals.format(value) })),
      days: (value) => (value === null ? none : t('reports.daysValue', { days: counts.format(value) })),
      overShort: (minor) => {
        if (minor === null) return t('reports.drawer.notCounted')
        if (minor === 0) return t('reports.drawer.exact')
        return t(minor > 0 ? 'reports.drawer.over' : 'reports.drawer.short', { amount: shop.money(Math.abs(minor)) })
      },
    }
  }, [shop, locale, t])
}
