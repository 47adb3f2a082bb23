import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { SessionDto } from '../../../../shared/dto/auth'
import { useClient } from '../../client-context'
import { clientStateRoot } from '../../client-state'
import { ErrorAlert } from '../../components/Feedback'
import { LanguageSwitch } from '../../components/LanguageSwitch'
import { errorMessage } from '../../errors'
import { useSetupStatus } from '../../hooks'
import { queryKeys } from '../../query'

/** Shop name, who is signed in, the language switch and sign-out. */
export function TopBar({ session, onSignedOut }: { session: SessionDto; onSignedOut: () => void }) {
  const { t } = useTranslation()
  const client = useClient()
  const queryClient = useQueryClient()
  const shopName = useSetupStatus().data?.shopName
  const signOut = useMutation({
    mutationFn: () => client.call('auth.signOut', {}),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: queryKeys.settings })
      queryClient.removeQueries({ queryKey: queryKeys.staffList })
      queryClient.removeQueries({ queryKey: [clientStateRoot] })
      queryClient.setQueryData(queryKeys.session, null)
      onSignedOut()
    },
  })
  const { staff } = session
  return (
    <header className="topbar">
      <p className="topbar-app">
        {shopName || t('app.name')}
      </p>
      <p className="topbar-staff">{t('shell.signedInAs', { name: staff.name, role: t(`roles.${staff.role}`) })}</p>
      <div className="topbar-tools">
        <LanguageSwitch />
        <button type="button" className="button button-quiet" onClick={() => signOut.mutate()} aria-busy={signOut.isPending || undefined}>
          {t('shell.signOut')}
        </button>
      </div>
      {signOut.isError && <ErrorAlert message={errorMessage(t, signOut.error)} />}
    </header>
  )
}
