import { z } from 'zod'
import { claimBatchWireSchema } from './claims'

// The wire format between the shop and a manufacturer's claim endpoint, in both directions. The
// JSON Schema files in docs/sync/ are generated from these (`npm run sync-schemas`; a test keeps
// them equal), so a manufacturer can implement the endpoint without reading our code.
//
// POST <endpoint>  Content-Type: application/json; Authorization: Bearer <token>;
//                  Idempotency-Key: <one key per batch, for life: a retry reuses it>
// 200/201 → ClaimBatchAck for this batch.
// 409     → the key was seen before: the body is the acknowledgement given then.
// 4xx     → refused; the shop shows `error.message` (or the body's text) and stops.
// 5xx, 408, 429, timeouts, network errors → the shop retries with backoff, same key, same bytes.

const Money = z.string().regex(/^-?\d+(\.\d+)?$/).describe('Decimal amount in the batch currency, e.g. "45.00"')
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('Business date YYYY-MM-DD in the shop\'s time zone')

const WirePart = z.object({
  part_number: z.string(),
  name: z.string(),
  quantity: z.number().int().positive(),
  consigned: z.boolean().describe('Taken from the manufacturer\'s consigned stock (claimed at 0)'),
  old_serial: z.string(),
  new_serial: z.string(),
  return_required: z.boolean().describe('The removed part is being sent back'),
  amount: Money,
})

const WireClaim = z.object({
  claim_number: z.string().describe('The shop\'s claim number; with revision, identifies one submission'),
  revision: z.number().int().positive().describe('1 for a first submission; n+1 when a rejected claim is corrected and resubmitted'),
  ticket_number: z.string(),
  manufacturer_code: z.string(),
  model_code: z.string(),
  model_name: z.string(),
  imei: z.string().describe('15 digits, or "" when the device has none'),
  serial: z.string(),
  purchase_date: z.union([Day, z.literal('')]),
  proof_of_purchase_ref: z.string(),
  customer_name: z.string(),
  customer_phone: z.string(),
  received_date: Day,
  repair_started_date: Day,
  completed_date: Day,
  condition_code: z.string(),
  symptom_code: z.string(),
  defect_code: z.string(),
  repair_code: z.string(),
  repair_tier: z.enum(['L1', 'L2', 'L3']),
  technician: z.string(),
  labour_amount: Money,
  parts_amount: Money,
  total_amount: Money,
  parts: z.array(WirePart),
})

export const ClaimBatchRequest = z
  .object({
    schema: z.literal(claimBatchWireSchema),
    batch: z.object({
      number: z.string().describe('The shop\'s batch number, unique per manufacturer'),
      manufacturer_code: z.string(),
      created_at: z.string().describe('UTC instant the batch was frozen (ISO 8601)'),
      currency: z.string().regex(/^[A-Z]{3}$/),
      claim_count: z.number().int().positive(),
      totals: z.object({ labour: Money, parts: Money, total: Money }),
    }),
    claims: z.array(WireClaim).min(1),
  })
  .describe('A batch of warranty claims sent by Repair Ledger')
export type ClaimBatchRequest = z.infer<typeof ClaimBatchRequest>

const AckReceived = z.strictObject({
  claim_number: z.string(),
  revision: z.number().int().positive(),
  status: z.literal('received'),
  reference: z.string().min(1).max(60).describe('The manufacturer\'s own reference for the claim'),
})

const AckRejected = z.strictObject({
  claim_number: z.string(),
  revision: z.number().int().positive(),
  status: z.literal('rejected'),
  reason: z.string().min(1).max(500).describe('Why, in words the shop\'s clerk can act on'),
  reference: z.string().max(60).optional(),
})

export const ClaimBatchAck = z
  .strictObject({
    batch: z.string().describe('The batch number acknowledged'),
    claims: z.array(z.discriminatedUnion('status', [AckReceived, AckRejected])).describe('Exactly one entry per claim of the batch'),
  })
  .describe('The manufacturer\'s acknowledgement of a claim batch')
export type ClaimBatchAck = z.infer<typeof ClaimBatchAck>

/**
 * Parses an acknowledgement and checks it answers exactly this batch: every claim once, nothing
 * else. Returns the problem in words for the outbox when it does not.
 */
export function readAck(body: unknown, batch: { number: string; claims: readonly { number: string; revision: number }[] }): { ok: true; ack: ClaimBatchAck } | { ok: false; problem: string } {
  const parsed = ClaimBatchAck.safeParse(body)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return { ok: false, problem: `malformed acknowledgement: ${issue ? `${issue.path.join('.') || '(body)'}: ${issue.message}` : 'not JSON'}` }
  }
  const ack = parsed.data
  if (ack.batch !== batch.number) return { ok: false, problem: `acknowledgement is for batch ${ack.batch.slice(0, 40)}, not ${batch.number}` }
  const expected = new Set(batch.claims.map((c) => `${c.number}#${c.revision}`))
  const seen = new Set<string>()
  for (const claim of ack.claims) {
    const key = `${claim.claim_number}#${claim.revision}`
    if (!expected.has(key)) return { ok: false, problem: `acknowledgement names claim ${claim.claim_number.slice(0, 40)} revision ${claim.revision}, which is not in the batch` }
    if (seen.has(key)) return { ok: false, problem: `acknowledgement answers claim ${claim.claim_number} twice` }
    seen.add(key)
  }
  if (seen.size !== expected.size) return { ok: false, problem: `acknowledgement answers ${seen.size} of ${expected.size} claims` }
  return { ok: true, ack }
}
