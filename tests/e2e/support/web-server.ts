import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export interface RunningServer {
  /** The URL the server printed, with the token in the fragment. */
  url: string
  origin: string
  token: string
  databasePath: string
  stop(): Promise<void>
}

/**
 * Starts the built web mode (`dist/web/server.mjs`) as a child process on a free loopback port
 * with its own temporary ledger, exactly as `npm run start:web` runs it.
 */
export async function startWebServer(databasePath?: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const dbPath = databasePath ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-e2e-')), 'ledger.sqlite3')
  const child = spawn(process.execPath, ['dist/web/server.mjs'], {
    env: { ...process.env, ...env, REPAIR_LEDGER_DB: dbPath, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const url = await waitForUrl(child)
  const parsed = new URL(url)
  return {
    url,
    origin: parsed.origin,
    token: new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '',
    databasePath: dbPath,
    stop: () => stop(child),
  }
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => reject(new Error(`web server did not start:\n${output}`)), 20_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /Open: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(output)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`web server exited with ${code}:\n${output}`))
    })
  })
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}
