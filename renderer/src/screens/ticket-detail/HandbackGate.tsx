import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { CheckboxField, Field } from '../../components/Field'
import { useShopFormat } from '../../shop-format'
import { useInvoice } from '../payments/payment-hooks'
import { approvalInput, approvalProblems, emptyApproval, OwnerApprovalFields, type ApprovalDraft } from './OwnerApprovalFields'
import { requestTakePayment } from './take-payment'

export interface OverrideDraft {
  reason: string
  approval: ApprovalDraft
}

export const emptyOverride: OverrideDraft = { reason: '', approval: emptyApproval }

/**
 * Field paths of the override. The ledger names a wrong or non-owner approval where the input
 * put it, `override.approval.staffId` / `.pin`; the form's own checks use `approval.…`.
 */
export const overrideFieldPaths = ['override.reason', 'approval.staffId', 'approval.pin', 'override.approval.staffId', 'override.approval.pin']

/** What is missing before the override can be sent: field path → message key. */
export function overrideProblems(draft: OverrideDraft): Record<string, string> {
  const problems: Record<string, string> = draft.reason.trim() ? {} : { 'override.reason': 'validation.required' }
  for (const [field, key] of Object.entries(approvalProblems(draft.approval))) problems[`approval.${field}`] = key
  return problems
}

export function overrideInput(draft: OverrideDraft) {
  return { reason: draft.reason, approval: approvalInput(draft.approval) }
}

interface HandbackGateProps {
  ticketId: number
  /** Bumped on every refused hand-back: the invoice is read again, so the gate shows what is owed now. */
  failures: number
  override: OverrideDraft | null
  onOverride: (draft: OverrideDraft | null) => void
  errors: Record<string, string>
  /** A field was edited: its message goes away. */
  onEdit: (...paths: string[]) => void
}

/**
 * Paid work leaves only when its invoice is settled. While money is owed (or a credit is due back)
 * the hand-back form says how much and offers the way out: take the payment (the payment section
 * opens its form), or hand back anyway with an owner's PIN and a reason, which the ledger keeps.
 */
export function HandbackGate({ ticketId, failures, override, onOverride, errors, onEdit }: HandbackGateProps) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const invoice = useInvoice(ticketId)
  const { refetch } = invoice
  useEffect(() => {
    if (failures) void refetch()
  }, [failures, refetch])

  const balance = invoice.data?.kind === 'paid' ? invoice.data.balanceMinor : 0
  if (balance === 0) return null
  const id = 'work-collect-override'
  return (
    <div className="handback-gate">
      <p className="alert alert-warning">{balance > 0 ? t('payments.gate.owing', { balance: format.money(balance) }) : t('payments.gate.credit', { credit: format.money(-balance) })}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={requestTakePayment}>
          {balance > 0 ? t('payments.gate.takePayment') : t('payments.gate.refundCredit')}
        </button>
      </div>
      <CheckboxField id={id} label={t('payments.gate.override')} hint={t('payments.gate.overrideHint')} checked={override !== null} onChange={(on) => onOverride(on ? emptyOverride : null)} />
      {override && (
        <>
          <Field id={`${id}-reason`} label={t('payments.gate.reason')} error={errors['override.reason']}>
            {(control) => (
              <input
                {...control}
                maxLength={300}
                autoComplete="off"
                value={override.reason}
                onChange={(event) => {
                  onOverride({ ...override, reason: event.target.value })
                  onEdit('override.reason')
                }}
              />
            )}
          </Field>
          <OwnerApprovalFields
            id={id}
            value={override.approval}
            onChange={(approval, field) => {
              onOverride({ ...override, approval })
              onEdit(`approval.${field}`, `override.approval.${field}`)
            }}
            errors={{ staffId: errors['approval.staffId'] ?? errors['override.approval.staffId'], pin: errors['approval.pin'] ?? errors['override.approval.pin'] }}
          />
        </>
      )}
    </div>
  )
}
