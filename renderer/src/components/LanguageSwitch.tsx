import { useTranslation } from 'react-i18next'
import { isLocale, supportedLocales } from '../../../shared/locales'
import { errorMessage } from '../errors'
import { useLanguage } from '../language'
import { ErrorAlert } from './Feedback'

/** The language picker; its label is bilingual so it can be found whichever language is showing. */
export function LanguageSwitch() {
  const { t } = useTranslation()
  const { language, choose, saveError } = useLanguage()
  return (
    <div className="language-switch">
      <label htmlFor="language-switch" className="visually-hidden">
        {t('language.label')}
      </label>
      <select
        id="language-switch"
        value={language}
        onChange={(event) => {
          if (isLocale(event.target.value)) choose(event.target.value)
        }}
      >
        {supportedLocales.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {t(`language.${locale}`)}
          </option>
        ))}
      </select>
      {saveError ? <ErrorAlert message={errorMessage(t, saveError)} /> : null}
    </div>
  )
}
