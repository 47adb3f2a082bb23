// Bundles the Node side: the web-mode server (ESM) and the Electron main + preload (CommonJS:
// a sandboxed preload can only be one CommonJS file). better-sqlite3 stays external: it is native.
import { build } from 'esbuild'
import { existsSync, readFileSync } from 'node:fs'

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  external: ['better-sqlite3', 'electron'],
  define: { __APP_VERSION__: JSON.stringify(version) },
  logLevel: 'warning',
}

await build({
  ...common,
  entryPoints: ['electron/web/main.ts'],
  outfile: 'dist/web/server.mjs',
  format: 'esm',
  // Bundled CommonJS dependencies may call require(); give them one in the ESM bundle.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
})

await build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs' })
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', sourcemap: false })

for (const file of ['dist/web/server.mjs', 'dist/electron/main.cjs', 'dist/electron/preload.cjs']) {
  if (!existsSync(file)) throw new Error(`build did not produce ${file}`)
}
console.log('built dist/web/server.mjs, dist/electron/main.cjs, dist/electron/preload.cjs')
