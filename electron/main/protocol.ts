import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Protocol } from 'electron'
import { contentSecurityPolicy } from '../../shared/csp'
import { appScheme, parseAppUrl } from './origin'

// The renderer is served from `app://repair-ledger/` instead of `file://`, so it gets a real
// origin, a CSP header on every response and no access to any file outside the built renderer.

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
}

export function contentTypeFor(filePath: string): string {
  return contentTypes[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * The file under `root` that `requestUrl` names, or null when the URL is not ours or its decoded
 * path would leave `root` (encoded `..%2f`, backslashes on Windows, NUL bytes).
 */
export function resolveRendererFile(root: string, requestUrl: string): string | null {
  const url = parseAppUrl(requestUrl)
  if (!url) return null
  let relative: string
  try {
    relative = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (relative.includes('\0')) return null
  if (relative === '/' || relative === '') relative = '/index.html'
  const base = path.resolve(root)
  const file = path.resolve(base, `.${relative}`)
  return file.startsWith(base + path.sep) ? file : null
}

function respond(status: number, body: Uint8Array | string | null, contentType: string): Response {
  return new Response(body, {
    status,
    headers: {
      'Content-Type': contentType,
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    },
  })
}

/** The request handler, separate from registration so tests can call it with plain Requests. */
export function rendererRequestHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return respond(405, 'Method Not Allowed', 'text/plain; charset=utf-8')
    }
    const file = resolveRendererFile(root, request.url)
    if (!file) return respond(404, 'Not Found', 'text/plain; charset=utf-8')
    try {
      const body = await readFile(file)
      return respond(200, request.method === 'HEAD' ? null : body, contentTypeFor(file))
    } catch {
      return respond(404, 'Not Found', 'text/plain; charset=utf-8')
    }
  }
}

/** Must run after `app` is ready; the scheme itself is registered as privileged before that. */
export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererRoot: string): void {
  protocol.handle(appScheme, rendererRequestHandler(rendererRoot))
}
