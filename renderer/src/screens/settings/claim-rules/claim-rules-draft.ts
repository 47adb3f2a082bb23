import { claimExportFields, requirableClaimFields, type ClaimExportField, type ClaimExportFormat, type ExportProfile, type RequirableClaimField } from '../../../../../shared/claims'
import type { ClaimRulesDto } from '../../../../../shared/dto/claims'
import { basisPointsToPercentText, percentTextToBasisPoints } from '../../../../../shared/format'
import { DecimalParseError } from '../../../../../shared/money'
import { repairTiers, type RepairTier } from '../../../../../shared/repair'
import type { InputOf } from '../../../../../shared/contract'
import { amountText, parseAmount } from '../../payments/amount-text'
import { wholeNumber } from '../catalog/number-field'

// The claim rules form's state: the DTO with every number as the text being typed, the export
// columns with a stable key each (so focus and React follow a column as it moves), and the token
// as a pending action. `changesFrom` turns it into the update, sending only what changed.

export type ClaimRulesUpdate = InputOf<'manufacturers.updateClaimRules'>

export interface ColumnDraft {
  key: number
  field: ClaimExportField
  header: string
}

/** What becomes of the stored API token on save. */
export type TokenAction = { kind: 'keep' } | { kind: 'set'; token: string } | { kind: 'forget' }

export interface ClaimRulesDraft {
  labour: Record<RepairTier, string>
  markup: string
  claimWindowDays: string
  defectiveReturnDays: string
  requiredFields: RequirableClaimField[]
  formats: ClaimExportFormat[]
  csvBom: boolean
  columns: ColumnDraft[]
  syncUrl: string
  token: TokenAction
}

let nextKey = 1
/** A key no other column of any draft has. */
export function columnKey(): number {
  return nextKey++
}

export function draftFrom(rules: ClaimRulesDto, currency: string): ClaimRulesDraft {
  const money = (minor: number | null) => (minor === null ? '' : amountText(minor, currency))
  return {
    labour: { L1: money(rules.labourRates.L1), L2: money(rules.labourRates.L2), L3: money(rules.labourRates.L3) },
    markup: basisPointsToPercentText(rules.partsMarkupBp),
    claimWindowDays: String(rules.claimWindowDays),
    defectiveReturnDays: String(rules.defectiveReturnDays),
    requiredFields: requirableClaimFields.filter((f) => rules.requiredFields.includes(f)),
    formats: [...rules.exportProfile.formats],
    csvBom: rules.exportProfile.csvBom,
    columns: rules.exportProfile.columns.map((c) => ({ key: columnKey(), field: c.field, header: c.header })),
    // Until the ledger reports the endpoint (older DTOs lack it), treat it as none.
    syncUrl: rules.syncUrl ?? '',
    token: { kind: 'keep' },
  }
}

/** The first claim field without a column, for "Add a column"; undefined when every field has one. */
export function unusedField(columns: readonly ColumnDraft[]): ClaimExportField | undefined {
  return claimExportFields.find((field) => !columns.some((c) => c.field === field))
}

/** A problem found before asking the ledger: an i18n key (with params) for a form field path. */
export interface LocalProblem {
  messageKey: string
  params?: Record<string, number>
}

export type ChangesResult = { ok: true; changes: Omit<ClaimRulesUpdate, 'manufacturerId'> } | { ok: false; problems: Record<string, LocalProblem> }

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i])
}

function sameProfile(a: ExportProfile, b: ExportProfile): boolean {
  return (
    sameList([...a.formats].sort(), [...b.formats].sort()) &&
    a.csvBom === b.csvBom &&
    a.columns.length === b.columns.length &&
    a.columns.every((c, i) => c.field === b.columns[i]?.field && c.header === b.columns[i]?.header)
  )
}

/**
 * Only the rules that differ from `rules`. Text that cannot become a number is refused here (the
 * form names the field); ranges and the export profile's consistency are left to the ledger,
 * whose issues come back on the same field paths.
 */
export function changesFrom(rules: ClaimRulesDto, draft: ClaimRulesDraft, currency: string): ChangesResult {
  const problems: Record<string, LocalProblem> = {}
  const changes: Omit<ClaimRulesUpdate, 'manufacturerId'> = {}
  const problem = (path: string, error: DecimalParseError | string) => {
    problems[path] = typeof error === 'string' ? { messageKey: error } : { messageKey: error.messageKey, ...(error.params ? { params: error.params } : {}) }
  }

  const rates: Partial<Record<RepairTier, number | null>> = {}
  for (const tier of repairTiers) {
    const text = draft.labour[tier].trim()
    const minor = text === '' ? null : parseAmount(text, currency)
    if (minor instanceof DecimalParseError) problem(`labourRates.${tier}`, minor)
    else if (minor !== rules.labourRates[tier]) rates[tier] = minor
  }
  if (Object.keys(rates).length) changes.labourRates = rates

  try {
    const bp = percentTextToBasisPoints(draft.markup)
    if (bp !== rules.partsMarkupBp) changes.partsMarkupBp = bp
  } catch (error) {
    if (!(error instanceof DecimalParseError)) throw error
    problem('partsMarkupBp', 'validation.markup')
  }

  for (const name of ['claimWindowDays', 'defectiveReturnDays'] as const) {
    const days = wholeNumber(draft[name])
    if (days === null) problem(name, 'validation.days')
    else if (days !== rules[name]) changes[name] = days
  }

  const required = requirableClaimFields.filter((f) => draft.requiredFields.includes(f))
  if (!sameList(required, requirableClaimFields.filter((f) => rules.requiredFields.includes(f)))) changes.requiredFields = required

  const profile: ExportProfile = {
    formats: (['csv', 'json'] as const).filter((f) => draft.formats.includes(f)),
    csvBom: draft.csvBom,
    columns: draft.columns.map((c) => ({ field: c.field, header: c.header.trim() })),
  }
  if (!sameProfile(profile, rules.exportProfile)) changes.exportProfile = profile

  const url = draft.syncUrl.trim()
  if ((url || null) !== (rules.syncUrl ?? null)) changes.syncUrl = url || null

  // An empty token box changes nothing: the stored token (if any) stays.
  if (draft.token.kind === 'set' && draft.token.token.trim() !== '') changes.syncToken = draft.token.token.trim()
  else if (draft.token.kind === 'forget') changes.syncToken = null

  return Object.keys(problems).length ? { ok: false, problems } : { ok: true, changes }
}

/** Every field path of the form, so the ledger's issues land next to their field. */
export const claimRulesFieldPaths: readonly string[] = [
  ...repairTiers.map((tier) => `labourRates.${tier}`),
  'partsMarkupBp',
  'claimWindowDays',
  'defectiveReturnDays',
  'requiredFields',
  'exportProfile.formats',
  'exportProfile.csvBom',
  'exportProfile.columns',
  ...claimExportFields.flatMap((_, i) => [`exportProfile.columns.${i}.field`, `exportProfile.columns.${i}.header`]),
  'syncUrl',
  'syncToken',
]

/**
 * The field a ledger issue belongs to: an item of a checklist (requiredFields.1,
 * exportProfile.formats.0) is shown on its group, as is a column problem without a part, and the
 * whole profile or labour object on its first part.
 */
export function formPathOf(path: readonly (string | number)[]): string {
  const [head, second, third, fourth] = path
  if (head === 'requiredFields') return 'requiredFields'
  if (head === 'labourRates' && second === undefined) return 'labourRates.L1'
  if (head === 'exportProfile') {
    if (second === 'formats' || second === undefined) return 'exportProfile.formats'
    if (second === 'columns') return typeof third === 'number' && (fourth === 'field' || fourth === 'header') ? `exportProfile.columns.${third}.${fourth}` : 'exportProfile.columns'
  }
  return path.join('.')
}
