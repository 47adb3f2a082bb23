import { useTranslation } from 'react-i18next'
import { SettingsGate } from '../../components/SettingsGate'
import { useFocusOnMount } from '../../components/useFocusOnMount'
import { DayPayments } from './DayPayments'
import { DrawerPanel } from './DrawerPanel'

/** Payments: the cash drawer (open, paid in/out, close with a count) and a day's takings by method. */
export function PaymentsScreen() {
  const { t } = useTranslation()
  const heading = useFocusOnMount<HTMLHeadingElement>()
  return (
    <div className="panel panel-wide">
      <h1 id="screen-title" ref={heading} tabIndex={-1}>
        {t('nav.payments')}
      </h1>
      <SettingsGate>
        {() => (
          <>
            <DrawerPanel />
            <DayPayments />
          </>
        )}
      </SettingsGate>
    </div>
  )
}
