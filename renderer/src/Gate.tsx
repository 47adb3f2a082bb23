import { useTranslation } from 'react-i18next'
import { LoadError, Loading } from './components/Feedback'
import { PublicLayout } from './components/PublicLayout'
import { useSession, useSetupStatus } from './hooks'
import { DamagedLedgerScreen } from './screens/damaged/DamagedLedgerScreen'
import { useAppInfo } from './screens/damaged/ledger-health'
import { SetupScreen } from './screens/setup/SetupScreen'
import { AppShell } from './screens/shell/AppShell'
import { SignInScreen } from './screens/sign-in/SignInScreen'

/** Which screen the app is on: first-run setup, sign-in, or the signed-in shell. */
export function Gate() {
  const status = useSetupStatus()
  const session = useSession(status.data?.complete === true)
  const info = useAppInfo()

  if (info.isPending) return <Starting />
  if (info.data?.ledger.state === 'damaged') return <DamagedLedgerScreen problem={info.data.ledger.problem} databasePath={info.data.databasePath} />
  if (status.isError) return <StartupProblem error={status.error} onRetry={() => void status.refetch()} />
  if (status.isPending) return <Starting />
  if (!status.data.complete) return <SetupScreen />
  if (session.isError) return <StartupProblem error={session.error} onRetry={() => void session.refetch()} />
  if (session.isPending) return <Starting />
  if (!session.data) return <SignInScreen />
  return <AppShell session={session.data} />
}

function Starting() {
  const { t } = useTranslation()
  return (
    <PublicLayout busy languageSwitch={false}>
      <div className="card card-narrow">
        <h1>{t('app.name')}</h1>
        <Loading label={t('app.starting')} />
      </div>
    </PublicLayout>
  )
}

function StartupProblem({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation()
  return (
    <PublicLayout>
      <div className="card card-narrow">
        <h1>{t('app.startFailed')}</h1>
        <LoadError error={error} onRetry={onRetry} />
      </div>
    </PublicLayout>
  )
}
