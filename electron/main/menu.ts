import type { MenuItemConstructorOptions } from 'electron'

// Roles only, so the operating system supplies labels in the user's language and the usual
// shortcuts (copy/paste matter at the counter). Reload and DevTools exist only in development:
// in the shop, Ctrl+R would throw away a half-typed ticket.
export function menuTemplate(options: { isPackaged: boolean; platform: NodeJS.Platform }): MenuItemConstructorOptions[] {
  const developer: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [{ type: 'separator' }, { role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }]
  return [
    ...(options.platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      role: 'viewMenu',
      submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }, ...developer],
    },
    { role: 'windowMenu' },
  ]
}
