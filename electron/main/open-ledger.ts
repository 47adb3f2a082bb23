import type { LedgerService } from '../core/ledger-service'

// Opening the ledger is the one start-up step that can fail for reasons the shop must hear about
// (a ledger written by a newer version, a locked or damaged file). The main process has no i18n
// catalogue, so its two dialog titles are kept here in both shipped languages.

const titles = {
  en: { tooNew: 'This ledger needs a newer Repair Ledger', failed: 'Repair Ledger could not open its ledger' },
  zh: { tooNew: '此账本需要更新版本的 Repair Ledger', failed: 'Repair Ledger 无法打开账本' },
}

export function dialogTitle(kind: 'tooNew' | 'failed', locale: string): string {
  return (locale.toLowerCase().startsWith('zh') ? titles.zh : titles.en)[kind]
}

/**
 * The open service, or null after telling the user why it could not be opened. A
 * LedgerTooNewError means the file came from a newer build; the service has not touched it and
 * neither do we, so the user can install the newer version and carry on.
 */
export async function openLedgerOrExplain(
  open: () => Promise<LedgerService> | LedgerService,
  showErrorBox: (title: string, content: string) => void,
  locale: string,
): Promise<LedgerService | null> {
  try {
    return await open()
  } catch (error) {
    const tooNew = error instanceof Error && error.name === 'LedgerTooNewError'
    const message = error instanceof Error ? error.message : String(error)
    if (!tooNew) console.error('[repair-ledger] could not open the ledger', error)
    showErrorBox(dialogTitle(tooNew ? 'tooNew' : 'failed', locale), message)
    return null
  }
}
