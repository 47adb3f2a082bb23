import { useTranslation } from 'react-i18next'
import { useShopFormat } from '../../shop-format'

/** Counted − expected in words: over, short, or exactly right. */
export function useOverShortText() {
  const { t } = useTranslation()
  const format = useShopFormat()
  return (overShortMinor: number): string => {
    if (overShortMinor > 0) return t('cash.over', { amount: format.money(overShortMinor) })
    if (overShortMinor < 0) return t('cash.short', { amount: format.money(-overShortMinor) })
    return t('cash.exact')
  }
}
