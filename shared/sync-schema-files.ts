import { z } from 'zod'
import { ClaimBatchAck, ClaimBatchRequest } from './sync-wire'

/** The JSON Schema files documenting the claim sync wire format, as they must be committed. */
export function syncSchemaFiles(): { path: string; content: string }[] {
  const file = (name: string, title: string, schema: z.ZodType, io: 'input' | 'output') => ({
    path: `docs/sync/${name}`,
    content: `${JSON.stringify({ $id: `https://repair-ledger.example/schemas/${name}`, title, ...z.toJSONSchema(schema, { target: 'draft-2020-12', io }) }, null, 2)}\n`,
  })
  return [
    file('claim-batch.request.schema.json', 'Claim batch (POST body sent by Repair Ledger)', ClaimBatchRequest, 'output'),
    file('claim-batch.ack.schema.json', 'Claim batch acknowledgement (answer of the manufacturer endpoint)', ClaimBatchAck, 'input'),
  ]
}
