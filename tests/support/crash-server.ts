import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

// The web-mode server as a child process that the crash-safety test can SIGKILL, and a small
// client for its RPC endpoint that tells an acknowledged call from one cut off by the kill.

const root = path.resolve(import.meta.dirname, '../..')
const bundle = path.join(root, 'dist/web/server.mjs')

/**
 * The built web mode, exactly what `npm run start:web` runs. `npm test` builds before vitest, so
 * it is there; run alone on a fresh checkout, build it with the project's own esbuild step (a
 * second or two). Not tsx: it takes seconds to start, and the test restarts the server 25 times.
 * Returns a label for the log: which bundle, built when.
 */
export function ensureServerBundle(): string {
  if (!fs.existsSync(bundle)) execFileSync(process.execPath, ['scripts/build-node.mjs'], { cwd: root, stdio: 'pipe' })
  return `dist/web/server.mjs (built ${fs.statSync(bundle).mtime.toISOString()})`
}

export interface CrashServer {
  base: string
  token: string
  pid: number
  /** SIGKILL: no handler runs, nothing is flushed or closed. Resolves once the process is gone. */
  kill(): Promise<void>
  /** SIGTERM: the server's own orderly shutdown. */
  stop(): Promise<void>
}

export async function startCrashServer(databasePath: string): Promise<CrashServer> {
  const child = spawn(process.execPath, [bundle], {
    cwd: root,
    env: { ...process.env, REPAIR_LEDGER_DB: databasePath, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const url = await waitForUrl(child)
  const parsed = new URL(url)
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name)
    await exited
  }
  return {
    base: parsed.origin,
    token: new URLSearchParams(parsed.hash.slice(1)).get('token') ?? '',
    pid: child.pid ?? -1,
    kill: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
  }
}

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = ''
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`web server did not start:\n${output}`))
    }, 20_000)
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
    // onData stays attached after start: a chatty server never blocks on a full pipe.
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      reject(new Error(`web server exited (${code ?? signal}) before it was ready:\n${output}`))
    })
  })
}

/** What became of one call: answered ok, refused by the ledger, or cut off (no answer). */
export type RpcOutcome<T> = { kind: 'ok'; value: T } | { kind: 'refused'; status: number; error: unknown } | { kind: 'cut'; reason: string }

/**
 * POST /rpc/<channel> as a non-browser client: token in the Authorization header and no Origin
 * (the server checks Origin only when one is sent). A call counts as acknowledged only when the
 * whole ok response arrived; a reset, refused connection or truncated body is "cut".
 */
export async function rpcCall<T = unknown>(server: Pick<CrashServer, 'base' | 'token'>, channel: string, input: unknown): Promise<RpcOutcome<T>> {
  let res: Response
  let text: string
  try {
    res = await fetch(`${server.base}/rpc/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
      body: JSON.stringify(input ?? {}),
      signal: AbortSignal.timeout(15_000),
    })
    text = await res.text()
  } catch (error) {
    return { kind: 'cut', reason: describe(error) }
  }
  let body: { ok: boolean; value?: T; error?: unknown }
  try {
    body = JSON.parse(text) as typeof body
  } catch {
    return { kind: 'cut', reason: `unparsable body (${text.length} bytes)` }
  }
  if (body.ok && res.status === 200) return { kind: 'ok', value: body.value as T }
  return { kind: 'refused', status: res.status, error: body.error }
}

/** Like rpcCall but for set-up steps that must succeed. */
export async function rpcMust<T = unknown>(server: Pick<CrashServer, 'base' | 'token'>, channel: string, input: unknown): Promise<T> {
  const outcome = await rpcCall<T>(server, channel, input)
  if (outcome.kind !== 'ok') throw new Error(`${channel} failed: ${JSON.stringify(outcome)}`)
  return outcome.value
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause
  return cause?.code ?? cause?.message ?? error.message
}
