import type { TFunction } from 'i18next'
import { formErrorsFrom, type FormErrors } from '../../errors'
import { depositProblems } from './deposit-draft'
import { intakeFieldPaths, intakePathAliases, localProblems, takesDeposit, type IntakeDraft, type IntakeField } from './intake-draft'

export type IntakeErrors = { fields: Partial<Record<IntakeField, string>>; general: string | null }

/** A failed `tickets.intake` as field messages: the ledger's issue paths, with aliases folded onto their field. */
export function intakeErrorsFrom(t: TFunction, error: unknown): IntakeErrors {
  const paths = [...intakeFieldPaths, ...Object.keys(intakePathAliases)]
  const raw: FormErrors = formErrorsFrom(t, error, paths, { 'errors.customerNotFound': 'customer' })
  const fields: Partial<Record<IntakeField, string>> = {}
  for (const [path, message] of Object.entries(raw.fields)) {
    const field = intakePathAliases[path] ?? (path as IntakeField)
    fields[field] ??= message
  }
  return { fields, general: raw.general }
}

/** The checks made before asking the ledger, translated; null when there is nothing to fix. */
export function localIntakeErrors(t: TFunction, draft: IntakeDraft, isOwner: boolean, shop: { currency: string; today: string }): IntakeErrors | null {
  const problems = Object.entries(localProblems(draft, isOwner)).map(([field, key]) => [field, t(key)])
  const deposit = takesDeposit(draft, isOwner, shop.today) ? Object.entries(depositProblems(draft.deposit, shop.currency)) : []
  problems.push(...deposit.map(([field, problem]) => [field, t(problem.messageKey, problem.params)]))
  if (problems.length === 0) return null
  return { fields: Object.fromEntries(problems), general: t('errors.invalidInput') }
}
