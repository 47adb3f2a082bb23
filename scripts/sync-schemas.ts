import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { syncSchemaFiles } from '../shared/sync-schema-files'

// Writes the claim sync wire format's JSON Schema files (docs/sync/) from the zod schemas the app
// itself checks with. `npm run sync-schemas` after changing shared/sync-wire.ts; a test fails
// while the committed files differ.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
for (const file of syncSchemaFiles()) {
  writeFileSync(path.join(root, file.path), file.content)
  console.log(`wrote ${file.path}`)
}
