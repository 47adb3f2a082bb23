import type { Locale } from '../locales'
import { en, type Messages } from './en'
import { zhCN } from './zh-CN'

export type { Messages } from './en'

/** i18next resources: one `translation` namespace per supported locale. Pure data, no React. */
export const resources: Record<Locale, { translation: Messages }> = {
  'zh-CN': { translation: zhCN },
  en: { translation: en },
}
