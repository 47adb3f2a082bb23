import type { Session, Shell, WebContents } from 'electron'
import { isAppUrl } from './origin'

// The renderer may only ever show our own pages. Everything that could bring other content into
// the app (navigation, redirects, popups, webviews) or reach past the page (permissions) is
// refused here, following Electron's security checklist.

/**
 * The URL to hand to the operating system for a link the renderer tried to open, or null.
 * Only `https:` leaves the app: `http:` could be tampered with on the shop's network, and
 * `file:`, `javascript:`, `smb:` and custom schemes could run or reveal things on this machine.
 */
export function externalUrlToOpen(value: string): string | null {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return null
  }
  return url.protocol === 'https:' ? url.href : null
}

/** Applied to every WebContents the app creates (see `web-contents-created` in index.ts). */
export function lockWebContents(contents: WebContents, shell: Pick<Shell, 'openExternal'>): void {
  const refuseForeign = (event: { url: string; preventDefault(): void }) => {
    if (!isAppUrl(event.url)) event.preventDefault()
  }
  contents.on('will-navigate', refuseForeign)
  // `will-navigate` covers the main frame only; an injected <iframe> navigates through this one.
  contents.on('will-frame-navigate', refuseForeign)
  contents.on('will-redirect', refuseForeign)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    const external = externalUrlToOpen(url)
    if (external) {
      shell.openExternal(external).catch((error: unknown) => console.error('[repair-ledger] could not open link', error))
    }
    return { action: 'deny' }
  })
}

/** The app needs no camera, microphone, location, notifications or any other permission. */
export function lockSession(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
}
