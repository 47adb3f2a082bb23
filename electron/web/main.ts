import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defaultDatabasePath } from '../../db/paths'
import { openLedgerService } from '../core/ledger-service'
import { createWebServer, listenOnLoopback } from '../rpc/http'
import { appVersion } from '../core/version'

// Web mode: the same ledger and dispatch as the desktop app, served to a browser on loopback.

async function main(): Promise<void> {
  const here = path.dirname(fileURLToPath(import.meta.url))
  const staticDir = process.env.REPAIR_LEDGER_STATIC ?? path.resolve(here, '../renderer')
  const databasePath = defaultDatabasePath()
  const port = process.env.PORT ? Number(process.env.PORT) : 0
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${process.env.PORT}"`)

  const service = await openLedgerService({ databasePath, transport: 'web', version: appVersion })
  const token = randomBytes(24).toString('base64url')
  const server = createWebServer({ service, token, staticDir })
  const boundPort = await listenOnLoopback(server, port)

  console.log(`Repair Ledger web mode`)
  console.log(`Ledger: ${databasePath}`)
  console.log(`Open: http://127.0.0.1:${boundPort}/#token=${token}`)

  const stop = () => {
    server.close()
    server.closeAllConnections()
    service.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(error instanceof Error && error.name === 'LedgerTooNewError' ? 3 : 1)
})
