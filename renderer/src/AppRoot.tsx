import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import type { i18n as I18n } from 'i18next'
import { I18nextProvider } from 'react-i18next'
import type { RpcClient } from './api'
import { ClientProvider } from './client-context'
import { Gate } from './Gate'
import { LanguageProvider } from './language'

/** Everything the app needs, injected: the real main.tsx and the renderer tests build the same tree. */
export function AppRoot({ client, i18n, queryClient }: { client: RpcClient; i18n: I18n; queryClient: QueryClient }) {
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <ClientProvider client={client}>
          <LanguageProvider>
            <Gate />
          </LanguageProvider>
        </ClientProvider>
      </QueryClientProvider>
    </I18nextProvider>
  )
}
