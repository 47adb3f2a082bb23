import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { LanguageSwitch } from './LanguageSwitch'

/** Page frame before sign-in: a banner with the app name (and the language switch) and one <main>. */
export function PublicLayout({ children, languageSwitch = true, busy = false }: { children: ReactNode; languageSwitch?: boolean; busy?: boolean }) {
  const { t } = useTranslation()
  return (
    <div className="public-layout">
      <header className="topbar">
        <p className="topbar-app">{t('app.name')}</p>
        <div className="topbar-tools">{languageSwitch && <LanguageSwitch />}</div>
      </header>
      <main className="public-main" aria-busy={busy || undefined}>
        {children}
      </main>
    </div>
  )
}
