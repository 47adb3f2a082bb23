import { useTranslation } from 'react-i18next'
import type { SessionDto } from '../../../../shared/dto/auth'
import { SettingsGate } from '../../components/SettingsGate'
import { useClientState } from '../../client-state'
import type { TicketDetailDto } from '../../../../shared/dto/tickets'
import { queryKeys } from '../../query'
import { IntakeForm } from './IntakeForm'
import { IntakeResult } from './IntakeResult'

/** The counter: take a device in; afterwards print its papers, then the next intake. */
export function CounterScreen({ session }: { session: SessionDto }) {
  const { t } = useTranslation()
  // Kept outside the screen so a trip to a print page and back still shows the print buttons.
  const [lastIntake, setLastIntake] = useClientState<TicketDetailDto | null>(queryKeys.lastIntake, null)
  return (
    <div className="panel panel-wide">
      <h1 id="screen-title" tabIndex={-1}>
        {t('intake.title')}
      </h1>
      <SettingsGate>
        {() =>
          lastIntake ? (
            <IntakeResult ticket={lastIntake} onNext={() => setLastIntake(null)} />
          ) : (
            <IntakeForm isOwner={session.staff.role === 'owner'} onTakenIn={setLastIntake} />
          )
        }
      </SettingsGate>
    </div>
  )
}
