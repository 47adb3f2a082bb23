import i18next from 'i18next'
import type { MessageParams } from '../../shared/errors'
import { resources } from '../../shared/i18n/index'

// English texts for the `message` of every error: for logs and API consumers. The renderer shows
// its own translation of `messageKey` in the user's language.
const english = i18next.createInstance()
void english.init({ lng: 'en', fallbackLng: 'en', resources, initAsync: false, interpolation: { escapeValue: false } })

export function englishMessage(key: string, params?: MessageParams): string {
  return english.t(key, params ?? {}) as string
}
