// The channel names alone, without schemas, so the Electron preload can allow-list them
// without bundling zod. A test keeps this list equal to the keys of `contract`.
export const channelNames = [
  'app.info',
  'setup.status',
  'setup.complete',
  'auth.staffChoices',
  'auth.signIn',
  'auth.signOut',
  'auth.current',
  'auth.setLocale',
  'settings.get',
  'settings.update',
  'staff.list',
  'staff.create',
  'staff.update',
  'customers.search',
  'customers.get',
  'customers.create',
  'customers.update',
  'manufacturers.list',
  'manufacturers.create',
  'manufacturers.update',
  'models.search',
  'models.create',
  'devices.history',
  'tickets.intake',
  'tickets.list',
  'tickets.get',
  'tickets.search',
] as const

export const ipcChannelPrefix = 'rpc:'
