import i18next, { type i18n as I18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { resources } from '../../shared/i18n'
import { defaultLocale, supportedLocales, type Locale } from '../../shared/locales'

/**
 * A fresh i18next instance (one per app, one per test), initialised synchronously from the
 * bundled resources. Keeps `<html lang>` and the window title in step with the language.
 */
export function createI18n(language: Locale = defaultLocale): I18n {
  const instance = i18next.createInstance()
  instance.use(initReactI18next)
  void instance.init({
    resources,
    lng: language,
    fallbackLng: defaultLocale,
    supportedLngs: [...supportedLocales],
    initAsync: false,
    interpolation: { escapeValue: false },
  })
  const applyToDocument = (lng: string) => {
    document.documentElement.lang = lng
    document.title = instance.t('app.name')
  }
  applyToDocument(instance.language)
  instance.on('languageChanged', applyToDocument)
  return instance
}
