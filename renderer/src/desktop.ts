import { bridgeKey, type RepairLedgerDesktopBridge } from '../../shared/bridge'

/** The Electron bridge's desktop extras (save as PDF), or null in the web mode. */
export function desktopBridge(): RepairLedgerDesktopBridge | null {
  const bridge = (window as unknown as Record<string, Partial<RepairLedgerDesktopBridge> | undefined>)[bridgeKey]
  return bridge && typeof bridge.savePdf === 'function' ? (bridge as RepairLedgerDesktopBridge) : null
}
