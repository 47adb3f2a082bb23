import { readFileSync } from 'node:fs'
import Ajv2020 from 'ajv/dist/2020'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SyncWorker } from '../../electron/core/sync-worker'
import { syncSchemaFiles } from '../../shared/sync-schema-files'
import { readAck } from '../../shared/sync-wire'
import { createHarness, setUpShop, type Harness } from '../support/harness'
import { motoClaimRules } from '../support/claims'
import { readyMotoClaims } from '../support/claim-batches'
import { startMockManufacturer, type MockManufacturer } from '../support/mock-manufacturer'
import { manufacturerId } from '../support/stock'

// The wire format is documented as JSON Schema (docs/sync/) for manufacturers to implement. These
// tests keep the files equal to the schemas the app checks with, and check a real request and a
// real acknowledgement against the committed files with an independent validator (ajv).

const committed = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>

describe('claim sync wire format', () => {
  it('is documented by committed JSON Schema files generated from the app’s own schemas', () => {
    for (const file of syncSchemaFiles()) expect(readFileSync(file.path, 'utf8'), `${file.path}: run npm run sync-schemas`).toBe(file.content)
  })

  describe('against a real batch', () => {
    let h: Harness
    let server: MockManufacturer
    beforeEach(async () => {
      h = await createHarness()
      await setUpShop(h)
      server = await startMockManufacturer()
      await motoClaimRules(h, { syncUrl: server.url, syncToken: 'wire-test-token' })
    })
    afterEach(async () => {
      await server.close()
      h.close()
    })

    it('sends a body the request schema accepts and accepts an answer the ack schema accepts', async () => {
      const moto = await manufacturerId(h, 'MOTO')
      const batch = await h.call('batches.create', { manufacturerId: moto, claimIds: await readyMotoClaims(h) })
      await h.call('sync.enqueue', { batchId: batch.id })
      await new SyncWorker({ db: h.ledger.db, clock: h.clock, secrets: h.secrets, allowLoopbackHttp: true }).runDue()
      const ajv = new Ajv2020({ allErrors: true, strict: false })
      const request = ajv.compile(committed('docs/sync/claim-batch.request.schema.json'))
      const ack = ajv.compile(committed('docs/sync/claim-batch.ack.schema.json'))
      const body: unknown = JSON.parse(server.received[0]!.body)
      expect(request(body), JSON.stringify(request.errors)).toBe(true)
      const answer = [...server.acks.values()][0]
      expect(ack(answer), JSON.stringify(ack.errors)).toBe(true)
      // And what the schema refuses, the app refuses too.
      const bad = { batch: batch.number, claims: [{ claim_number: 'x', revision: 0, status: 'received', reference: '' }] }
      expect(ack(bad)).toBe(false)
      expect(readAck(bad, { number: batch.number, claims: [] }).ok).toBe(false)
    })
  })
})
