import { contextBridge, ipcRenderer } from 'electron'
import { bridgeKey, savePdfChannel, type RepairLedgerDesktopBridge, type SavePdfResult } from '../shared/bridge'
import { channelNames, ipcChannelPrefix } from '../shared/channel-names'
import type { Result } from '../shared/errors'

// Runs in the sandboxed preload, which can require nothing but 'electron': import only shared
// modules without runtime dependencies (a test bundles this file and checks its requires).
// The renderer gets one function and no access to ipcRenderer itself, so it can reach only the
// contract channels.

const allowed = new Set<string>(channelNames)

function unknownChannel(channel: string): Result<never> {
  return {
    ok: false,
    error: {
      code: 'UNKNOWN_CHANNEL',
      messageKey: 'errors.unknownChannel',
      message: `Unknown channel: ${channel}`,
      params: { channel },
    },
  }
}

function ipcFailure(): Result<never> {
  return { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.internal', message: 'Internal error' } }
}

const bridge: RepairLedgerDesktopBridge = {
  async invoke(channel, input) {
    if (typeof channel !== 'string') return unknownChannel(typeof channel)
    if (!allowed.has(channel)) return unknownChannel(channel.slice(0, 100))
    try {
      return (await ipcRenderer.invoke(ipcChannelPrefix + channel, input)) as Result<unknown>
    } catch {
      // e.g. an input that cannot be structured-cloned; the main side never throws.
      return ipcFailure()
    }
  },
  async savePdf(request) {
    try {
      return (await ipcRenderer.invoke(savePdfChannel, { suggestedName: String(request?.suggestedName ?? '') })) as SavePdfResult
    } catch {
      return { ok: false, reason: 'failed' }
    }
  },
}

contextBridge.exposeInMainWorld(bridgeKey, bridge)
