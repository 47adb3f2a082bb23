import { useTranslation } from 'react-i18next'
import { useFocusOnMount } from '../../components/useFocusOnMount'
import { goTo } from '../../routes'
import { SavePdfButton } from './SavePdfButton'

/** Print, save as PDF (desktop) and back: screen-only (hidden by @media print); Print has focus. */
export function PrintToolbar({ suggestedName, fallbackHref }: { suggestedName: string | null; fallbackHref: string }) {
  const { t } = useTranslation()
  const printButton = useFocusOnMount<HTMLButtonElement>()
  const back = () => {
    if (window.history.length > 1) window.history.back()
    else goTo(fallbackHref)
  }
  return (
    <div className="print-toolbar">
      <button type="button" ref={printButton} className="button button-primary" onClick={() => window.print()}>
        {t('print.print')}
      </button>
      {suggestedName && <SavePdfButton suggestedName={suggestedName} />}
      <button type="button" className="button" onClick={back}>
        {t('print.back')}
      </button>
      <p className="muted">{t('print.hint')}</p>
    </div>
  )
}
