import type { Selectable } from 'kysely'
import type { LabourRates } from '../../shared/claims'
import type { ClaimRulesDto } from '../../shared/dto/claims'
import { ExportProfileSchema, RequiredClaimFields } from '../../shared/schemas/claims'
import type { ManufacturersTable } from '../schema'
import type { Executor } from './audit'

// A manufacturer's claim rules, kept on its row. The JSON columns are parsed with the same zod
// schemas that checked them on the way in, so a hand-edited ledger fails loudly, not silently.

type ManufacturerRow = Selectable<ManufacturersTable>

export function toClaimRulesDto(row: ManufacturerRow): ClaimRulesDto {
  return {
    manufacturerId: row.id,
    labourRates: { L1: row.labour_l1_minor, L2: row.labour_l2_minor, L3: row.labour_l3_minor },
    partsMarkupBp: row.parts_markup_bp,
    claimWindowDays: row.claim_window_days,
    defectiveReturnDays: row.defective_return_days,
    requiredFields: RequiredClaimFields.parse(JSON.parse(row.required_claim_fields_json)),
    exportProfile: ExportProfileSchema.parse(JSON.parse(row.export_profile_json)),
    syncUrl: row.sync_url ?? null,
    syncTokenSet: row.sync_token_sealed != null,
  }
}

export async function readClaimRules(db: Executor, manufacturerId: number): Promise<ClaimRulesDto | undefined> {
  const row = await db.selectFrom('manufacturers').selectAll().where('id', '=', manufacturerId).executeTakeFirst()
  return row && toClaimRulesDto(row)
}

export interface ClaimRulesChanges {
  labourRates?: Partial<LabourRates> | undefined
  partsMarkupBp?: number | undefined
  claimWindowDays?: number | undefined
  defectiveReturnDays?: number | undefined
  requiredFields?: ClaimRulesDto['requiredFields'] | undefined
  exportProfile?: ClaimRulesDto['exportProfile'] | undefined
  syncUrl?: string | null | undefined
  /** Already sealed; null forgets the token. */
  syncTokenSealed?: string | null | undefined
}

export async function updateClaimRules(db: Executor, manufacturerId: number, changes: ClaimRulesChanges, nowMs: number): Promise<ClaimRulesDto> {
  const rates = changes.labourRates ?? {}
  const row = await db
    .updateTable('manufacturers')
    .set({
      ...(rates.L1 !== undefined && { labour_l1_minor: rates.L1 }),
      ...(rates.L2 !== undefined && { labour_l2_minor: rates.L2 }),
      ...(rates.L3 !== undefined && { labour_l3_minor: rates.L3 }),
      ...(changes.partsMarkupBp !== undefined && { parts_markup_bp: changes.partsMarkupBp }),
      ...(changes.claimWindowDays !== undefined && { claim_window_days: changes.claimWindowDays }),
      ...(changes.defectiveReturnDays !== undefined && { defective_return_days: changes.defectiveReturnDays }),
      ...(changes.requiredFields !== undefined && { required_claim_fields_json: JSON.stringify(changes.requiredFields) }),
      ...(changes.exportProfile !== undefined && { export_profile_json: JSON.stringify(changes.exportProfile) }),
      ...(changes.syncUrl !== undefined && { sync_url: changes.syncUrl }),
      ...(changes.syncTokenSealed !== undefined && { sync_token_sealed: changes.syncTokenSealed }),
      updated_at_ms: nowMs,
    })
    .where('id', '=', manufacturerId)
    .returningAll()
    .executeTakeFirstOrThrow()
  return toClaimRulesDto(row)
}
