import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

// The renderer is served from app://repair-ledger/ in Electron and from http://127.0.0.1:<port>/ in
// web mode, so every asset URL is relative (base './'). The strict CSP allows no inline script or
// style: Vite's build emits only external files, and the modulepreload polyfill (which Vite would
// otherwise bundle for old browsers) is unnecessary for Electron's Chromium.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
  },
  server: {
    host: '127.0.0.1',
    fs: { allow: ['..'] },
  },
})
