import { useTranslation } from 'react-i18next'
import { routeHref, routes, type Route } from '../../routes'

/** The left navigation: plain links to hash routes, each with its Alt+n shortcut shown. */
export function NavMenu({ current }: { current: Route }) {
  const { t } = useTranslation()
  return (
    <nav className="nav" aria-label={t('shell.navLabel')}>
      <ul>
        {routes.map((route, index) => {
          const shortcut = `Alt+${index + 1}`
          return (
            <li key={route}>
              <a href={routeHref(route)} aria-current={route === current ? 'page' : undefined} aria-keyshortcuts={shortcut} title={shortcut}>
                <span>{t(`nav.${route}`)}</span>
                <kbd aria-hidden="true">{shortcut}</kbd>
              </a>
            </li>
          )
        })}
      </ul>
      <p className="nav-hint">{t('shell.shortcutsHint')}</p>
    </nav>
  )
}
