import type { Session, WebContents } from 'electron'
import { describe, expect, it } from 'vitest'
import { externalUrlToOpen, lockSession, lockWebContents } from '../../electron/main/security'
import { createFakeElectron, FakeSession, FakeWebContents, navigationEvent } from './fake-electron'

function lockedContents() {
  const { shell } = createFakeElectron()
  const contents = new FakeWebContents()
  lockWebContents(contents as unknown as WebContents, shell)
  return { contents, shell }
}

const foreignUrls = [
  'https://evil.example/',
  'http://repair-ledger/index.html',
  'file:///etc/passwd',
  'app://other-host/index.html',
  'app://repair-ledger:8080/index.html',
  'app://repair-ledger.evil.example/index.html',
  'javascript:alert(1)',
  'not a url',
]

describe('navigation lock', () => {
  for (const eventName of ['will-navigate', 'will-redirect']) {
    it(`${eventName}: refuses every foreign URL`, () => {
      const { contents } = lockedContents()
      for (const url of foreignUrls) {
        const event = navigationEvent(url)
        contents.emit(eventName, event)
        expect(event.prevented, url).toBe(true)
      }
    })

    it(`${eventName}: lets the app move between its own pages`, () => {
      const { contents } = lockedContents()
      for (const url of ['app://repair-ledger/index.html', 'app://repair-ledger/', 'app://repair-ledger/index.html#/tickets']) {
        const event = navigationEvent(url)
        contents.emit(eventName, event)
        expect(event.prevented, url).toBe(false)
      }
    })
  }

  it('prevents attaching a <webview>', () => {
    const { contents } = lockedContents()
    const event = navigationEvent('app://repair-ledger/index.html')
    contents.emit('will-attach-webview', event, {}, {})
    expect(event.prevented).toBe(true)
  })
})

describe('window.open', () => {
  it('always denies a new window and hands only https: links to the operating system', () => {
    const { contents, shell } = lockedContents()
    const handler = contents.windowOpenHandler!
    expect(handler({ url: 'https://support.example.com/warranty?id=7' })).toEqual({ action: 'deny' })
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://support.example.com/warranty?id=7')

    for (const url of ['javascript:alert(1)', 'file:///C:/Windows/System32/calc.exe', 'http://example.com/', 'data:text/html,hi', 'app://repair-ledger/index.html', 'smb://server/share', 'garbage']) {
      expect(handler({ url }), url).toEqual({ action: 'deny' })
    }
    expect(shell.openExternal).toHaveBeenCalledOnce()
  })

  it('opens the parsed, normalised URL rather than the raw string', () => {
    expect(externalUrlToOpen('HTTPS://Example.COM/a b')).toBe('https://example.com/a%20b')
    expect(externalUrlToOpen(' javascript:alert(1)')).toBeNull()
  })
})

describe('permissions', () => {
  it('denies every permission request and check', () => {
    const session = new FakeSession()
    lockSession(session as unknown as Session)
    const answers: boolean[] = []
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'unknown']) {
      session.requestHandler!({}, permission, (granted) => answers.push(granted))
      expect(session.checkHandler!({}, permission), permission).toBe(false)
    }
    expect(answers).toEqual([false, false, false, false, false, false])
  })
})
