import { render } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { AppRoot } from '../../renderer/src/AppRoot'
import { createClient } from '../../renderer/src/api'
import { createI18n } from '../../renderer/src/i18n'
import { createQueryClient } from '../../renderer/src/query'
import type { Locale } from '../../shared/locales'
import type { Harness } from '../support/harness'

/**
 * Renders the whole app against a real in-memory ledger behind the real dispatch (the harness of
 * the integration tests), signed in as the harness's `counter` client. Screens built on the
 * claims channels are tested this way: the real thing runs in milliseconds, so no fake is needed.
 */
export function renderOnLedger(h: Harness, language: Locale = 'zh-CN', clientKey = 'counter') {
  const i18n = createI18n(language)
  const user = userEvent.setup()
  const transport = (channel: string, input: unknown) => h.raw(channel, input, clientKey)
  const view = render(<AppRoot client={createClient(transport)} i18n={i18n} queryClient={createQueryClient({ retryNetwork: false })} />)
  return { ...view, user, i18n }
}
