import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionDto } from '../../../../shared/dto/auth'
import { SettingsGate } from '../../components/SettingsGate'
import { useClientState } from '../../client-state'
import type { TicketDetailDto } from '../../../../shared/dto/tickets'
import { queryKeys } from '../../query'
import { CounterBoard } from './CounterBoard'
import { IntakeForm } from './IntakeForm'
import { IntakeResult } from './IntakeResult'

/** The counter: take a device in (the scan field has focus); below, the board of what waits on whom (Alt+B). */
export function CounterScreen({ session }: { session: SessionDto }) {
  const { t } = useTranslation()
  // Kept outside the screen so a trip to a print page and back still shows the print buttons.
  const [lastIntake, setLastIntake] = useClientState<TicketDetailDto | null>(queryKeys.lastIntake, null)
  useBoardShortcut()
  return (
    <div className="panel panel-wide">
      <div className="screen-head">
        <h1 id="screen-title" tabIndex={-1}>
          {t('intake.title')}
        </h1>
        <button type="button" className="button button-small" aria-keyshortcuts="Alt+B" onClick={focusBoard}>
          {t('board.jump')}
          <kbd aria-hidden="true">Alt+B</kbd>
        </button>
      </div>
      <SettingsGate>
        {() => (
          <>
            {lastIntake ? (
              <IntakeResult ticket={lastIntake} onNext={() => setLastIntake(null)} />
            ) : (
              <IntakeForm isOwner={session.staff.role === 'owner'} onTakenIn={setLastIntake} />
            )}
            <CounterBoard session={session} />
          </>
        )}
      </SettingsGate>
    </div>
  )
}

function focusBoard() {
  const heading = document.getElementById('board-title')
  heading?.focus()
  heading?.scrollIntoView?.({ block: 'start' })
}

/** Alt+B jumps from the intake form to the board (by physical key, so keyboard layouts do not matter). */
function useBoardShortcut() {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
      if (event.code !== 'KeyB' && event.key.toLowerCase() !== 'b') return
      event.preventDefault()
      focusBoard()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
