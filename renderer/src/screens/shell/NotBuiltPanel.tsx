import { useTranslation } from 'react-i18next'
import { useFocusOnMount } from '../../components/useFocusOnMount'
import type { Route } from '../../routes'

/** An honest placeholder for screens that do not exist yet: no sample data, just the fact. */
export function NotBuiltPanel({ route }: { route: Route }) {
  const { t } = useTranslation()
  const heading = useFocusOnMount<HTMLHeadingElement>()
  return (
    <section className="panel" aria-labelledby="screen-title">
      <h1 id="screen-title" ref={heading} tabIndex={-1}>
        {t(`nav.${route}`)}
      </h1>
      <div className="not-built">
        <p className="not-built-message">{t('notBuilt.message')}</p>
        <p>{t('notBuilt.detail')}</p>
      </div>
    </section>
  )
}
