import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { AppRoot } from '../../renderer/src/AppRoot'
import { createClient } from '../../renderer/src/api'
import { createI18n } from '../../renderer/src/i18n'
import { createQueryClient } from '../../renderer/src/query'
import type { Locale } from '../../shared/locales'
import type { FakeServer } from './fake-server'

/** Renders the whole app against the in-process fake, exactly as main.tsx wires the real client. */
export function renderApp(server: FakeServer, language: Locale = 'zh-CN') {
  const i18n = createI18n(language)
  const user = userEvent.setup()
  const view = render(<AppRoot client={createClient(server.transport)} i18n={i18n} queryClient={createQueryClient({ retryNetwork: false })} />)
  return { ...view, user, i18n }
}
