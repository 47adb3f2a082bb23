import { describe, expect, it } from 'vitest'
import { defaultDatabasePath } from '../../db/paths'

describe('where the ledger lives', () => {
  it('follows each OS convention for per-user app data', () => {
    expect(defaultDatabasePath({ APPDATA: 'C:\\Users\\li\\AppData\\Roaming' }, 'win32', 'C:\\Users\\li')).toBe(
      'C:\\Users\\li\\AppData\\Roaming\\Repair Ledger\\ledger.sqlite3',
    )
    expect(defaultDatabasePath({}, 'darwin', '/Users/li')).toBe('/Users/li/Library/Application Support/Repair Ledger/ledger.sqlite3')
    expect(defaultDatabasePath({}, 'linux', '/home/li')).toBe('/home/li/.config/Repair Ledger/ledger.sqlite3')
    expect(defaultDatabasePath({ XDG_CONFIG_HOME: '/data/cfg' }, 'linux', '/home/li')).toBe('/data/cfg/Repair Ledger/ledger.sqlite3')
  })

  it('ignores a relative XDG_CONFIG_HOME, as the spec says', () => {
    expect(defaultDatabasePath({ XDG_CONFIG_HOME: 'cfg' }, 'linux', '/home/li')).toBe('/home/li/.config/Repair Ledger/ledger.sqlite3')
  })

  it('lets REPAIR_LEDGER_DB override the location', () => {
    expect(defaultDatabasePath({ REPAIR_LEDGER_DB: '/tmp/shop.sqlite3' }, 'linux', '/home/li')).toBe('/tmp/shop.sqlite3')
    expect(defaultDatabasePath({ REPAIR_LEDGER_DB: '   ' }, 'linux', '/home/li')).toBe('/home/li/.config/Repair Ledger/ledger.sqlite3')
  })
})
