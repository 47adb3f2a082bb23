import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { registerAppProtocol, rendererRequestHandler, resolveRendererFile } from '../../electron/main/protocol'
import { contentSecurityPolicy } from '../../shared/csp'
import { createFakeElectron } from './fake-electron'

let dir: string
let root: string
let serve: (request: Request) => Promise<Response>

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-protocol-'))
  root = path.join(dir, 'renderer')
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Repair Ledger</title>')
  fs.writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)')
  // Targets for escapes: one next to the root, one whose name merely starts with the root's name.
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'SECRET')
  fs.mkdirSync(path.join(dir, 'renderer-private'))
  fs.writeFileSync(path.join(dir, 'renderer-private', 'secret.txt'), 'SECRET')
  serve = rendererRequestHandler(root)
})

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

const get = (url: string) => serve(new Request(url))

describe('app:// protocol', () => {
  it('registers one handler for the app scheme', () => {
    const { protocol } = createFakeElectron()
    registerAppProtocol(protocol, root)
    expect(protocol.handle).toHaveBeenCalledOnce()
    expect(protocol.handlers.has('app')).toBe(true)
  })

  it('serves index.html with its content type and the CSP header', async () => {
    for (const url of ['app://repair-ledger/index.html', 'app://repair-ledger/']) {
      const response = await get(url)
      expect(response.status, url).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
      expect(await response.text()).toContain('<title>Repair Ledger</title>')
    }
  })

  it('serves scripts as JavaScript', async () => {
    const response = await get('app://repair-ledger/assets/app.js')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('the CSP forbids inline script, remote content, plugins and framing', () => {
    expect(contentSecurityPolicy).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    )
  })

  it('refuses path traversal out of the renderer folder', async () => {
    const attempts = [
      'app://repair-ledger/../../etc/passwd',
      'app://repair-ledger/..%2fsecret.txt',
      'app://repair-ledger/%2e%2e%2fsecret.txt',
      'app://repair-ledger/assets/..%2f..%2fsecret.txt',
      'app://repair-ledger/..%5csecret.txt',
      'app://repair-ledger/..%2frenderer-private%2fsecret.txt',
      'app://repair-ledger/index.html%00.js',
      'app://repair-ledger/%E0%A4%A',
    ]
    for (const url of attempts) {
      const response = await get(url)
      expect(response.status, url).toBe(404)
      expect(await response.text(), url).not.toContain('SECRET')
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
    }
  })

  it('resolves only inside the root, even for a sibling folder sharing its name prefix', () => {
    expect(resolveRendererFile(root, 'app://repair-ledger/assets/app.js')).toBe(path.join(root, 'assets', 'app.js'))
    expect(resolveRendererFile(root, 'app://repair-ledger/..%2frenderer-private%2fsecret.txt')).toBeNull()
    expect(resolveRendererFile(root, 'app://repair-ledger/..%2fsecret.txt')).toBeNull()
  })

  it('answers 404 for other hosts and for missing files', async () => {
    for (const url of ['app://other-host/index.html', 'app://repair-ledger:1234/index.html', 'app://repair-ledger/missing.js', 'app://repair-ledger/assets/']) {
      expect((await get(url)).status, url).toBe(404)
    }
  })

  it('accepts only GET and HEAD', async () => {
    const response = await serve(new Request('app://repair-ledger/index.html', { method: 'POST', body: 'x' }))
    expect(response.status).toBe(405)
    const head = await serve(new Request('app://repair-ledger/index.html', { method: 'HEAD' }))
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})
