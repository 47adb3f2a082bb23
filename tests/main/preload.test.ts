import path from 'node:path'
import { build } from 'esbuild'
import { describe, expect, it, vi } from 'vitest'
import type { RepairLedgerBridge, RepairLedgerDesktopBridge } from '../../shared/bridge'
import { channelNames } from '../../shared/channel-names'
import { createFakeElectron } from './fake-electron'

// A fresh fake `electron` and a fresh preload module per test.
async function loadPreload() {
  vi.resetModules()
  const electron = createFakeElectron()
  vi.doMock('electron', () => electron)
  await import('../../electron/preload')
  return { electron, bridge: electron.contextBridge.exposed.get('repairLedger') as RepairLedgerBridge }
}

describe('preload bridge', () => {
  it('exposes one object with invoke and savePdf and nothing else, under repairLedger only', async () => {
    const { electron, bridge } = await loadPreload()
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce()
    expect([...electron.contextBridge.exposed.keys()]).toEqual(['repairLedger'])
    expect(Object.keys(bridge)).toEqual(['invoke', 'savePdf'])
  })

  it('asks the main process to save the page as PDF with only a suggested name', async () => {
    const { electron, bridge } = await loadPreload()
    const desktop = bridge as RepairLedgerDesktopBridge
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: true, path: '/tmp/R2611-0001.pdf' })
    const sneaky = { suggestedName: 'R2611-0001', extra: 'ignored' } as unknown as { suggestedName: string }
    expect(await desktop.savePdf(sneaky)).toEqual({ ok: true, path: '/tmp/R2611-0001.pdf' })
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('print:savePdf', { suggestedName: 'R2611-0001' })
    electron.ipcRenderer.invoke.mockRejectedValue(new Error('gone'))
    expect(await desktop.savePdf({ suggestedName: 'x' })).toEqual({ ok: false, reason: 'failed' })
  })

  it('forwards every contract channel to its prefixed IPC channel and returns the Result', async () => {
    const { electron, bridge } = await loadPreload()
    electron.ipcRenderer.invoke.mockResolvedValue({ ok: true, value: 'pong' })
    for (const name of channelNames) {
      expect(await bridge.invoke(name, { a: 1 })).toEqual({ ok: true, value: 'pong' })
      expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith(`rpc:${name}`, { a: 1 })
    }
  })

  it('answers unknown channels with UNKNOWN_CHANNEL without touching IPC', async () => {
    const { electron, bridge } = await loadPreload()
    const invokeUntyped = bridge.invoke as (channel: unknown, input: unknown) => ReturnType<RepairLedgerBridge['invoke']>
    for (const channel of ['fs.readFile', 'rpc:app.info', '__proto__', 'constructor', '', 42, undefined]) {
      const result = await invokeUntyped(channel, {})
      expect(result, String(channel)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL', messageKey: 'errors.unknownChannel' } })
    }
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled()
  })

  it('resolves to an error Result when IPC itself fails', async () => {
    const { electron, bridge } = await loadPreload()
    electron.ipcRenderer.invoke.mockRejectedValue(new Error('An object could not be cloned.'))
    await expect(bridge.invoke('app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })

  it('bundles to one CommonJS file that requires nothing but electron (the sandbox allows no more)', async () => {
    const result = await build({
      entryPoints: [path.resolve(import.meta.dirname, '../../electron/preload.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      write: false,
      logLevel: 'silent',
    })
    expect(result.outputFiles).toHaveLength(1)
    const code = result.outputFiles[0]!.text
    const required = [...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1])
    expect(required).toEqual(['electron'])
    expect(code).not.toMatch(/\bzod\b/)
  })
})
