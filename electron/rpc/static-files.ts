import fs from 'node:fs/promises'
import type http from 'node:http'
import path from 'node:path'
import { contentSecurityPolicy } from '../../shared/csp'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
}

/** Serves the built renderer with the same CSP as the Electron window; never outside `root`. */
export async function serveStatic(root: string, pathname: string, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const base = path.resolve(root)
  let relative: string
  try {
    relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname)
  } catch {
    return notFound(res)
  }
  const file = path.resolve(base, `.${relative}`)
  if (file !== base && !file.startsWith(base + path.sep)) return notFound(res)
  let data: Buffer
  try {
    data = await fs.readFile(file)
  } catch {
    return notFound(res)
  }
  res.writeHead(200, {
    'Content-Type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
    'Content-Length': data.length,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': path.extname(file) === '.html' ? 'no-store' : 'public, max-age=3600',
  })
  res.end(req.method === 'HEAD' ? undefined : data)
}

function notFound(res: http.ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': contentSecurityPolicy, 'X-Content-Type-Options': 'nosniff' })
  res.end('Not found')
}
