import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { faultCodeKinds, repairTiers, type FaultCodeKind, type RepairTier } from '../../../../shared/repair'
import { Field } from '../../components/Field'
import { ActionForm, type WorkFormProps } from './ActionForm'
import { FaultCodeSelects } from './FaultCodeSelects'
import { WarrantyDecisionFields, warrantyPath, type WarrantyDraft } from './WarrantyDecisionFields'
import { useWorkForm } from './work-hooks'

const noCodes: Record<FaultCodeKind, string> = { condition: '', symptom: '', defect: '', repair: '' }
const basePaths = ['findings', 'repairTier', ...faultCodeKinds.map((kind) => `faultCodes.${kind}`)]
const warrantyPaths = [warrantyPath(), warrantyPath('decision'), warrantyPath('voidReason'), warrantyPath('note')]

/**
 * The technician's diagnosis: findings, the four fault codes from the manufacturer's list, the
 * repair tier and, for a device in warranty, the warranty decision (voiding it makes the work paid).
 */
export function DiagnoseForm({ ticket, onClose, onDone }: WorkFormProps) {
  const { t } = useTranslation()
  const inWarranty = ticket.warranty.status === 'in_warranty'
  const maker = ticket.device.model.manufacturer
  const [findings, setFindings] = useState('')
  const [codes, setCodes] = useState(noCodes)
  const [tier, setTier] = useState<RepairTier | ''>('')
  const [warranty, setWarranty] = useState<WarrantyDraft>({ decision: '', voidReason: '', note: '' })
  // A warranty message for a ticket without the warranty block has no field to sit on: general.
  const form = useWorkForm('tickets.diagnose', inWarranty ? [...basePaths, ...warrantyPaths] : basePaths, onDone)
  const errors = form.errors.fields

  const submit = () => {
    const fields: Record<string, string> = {}
    if (!findings.trim()) fields.findings = t('validation.required')
    for (const kind of faultCodeKinds) if (!codes[kind]) fields[`faultCodes.${kind}`] = t('validation.faultCode')
    if (!tier) fields.repairTier = t('validation.repairTier')
    if (inWarranty && !warranty.decision) fields[warrantyPath('decision')] = t('validation.warrantyDecisionRequired')
    if (inWarranty && warranty.decision === 'void' && !warranty.voidReason) fields[warrantyPath('voidReason')] = t('validation.voidReason')
    if (Object.keys(fields).length || !tier) return form.failLocally(fields)
    const warrantyBlock =
      inWarranty && warranty.decision
        ? { warranty: { decision: warranty.decision, note: warranty.note, ...(warranty.decision === 'void' && warranty.voidReason ? { voidReason: warranty.voidReason } : {}) } }
        : {}
    form.send({ id: ticket.id, findings, faultCodes: codes, repairTier: tier, ...warrantyBlock })
  }

  return (
    <ActionForm id="work-diagnose" title={t('ticketAction.diagnose')} submitLabel={t('workForm.submit.diagnose')} busy={form.busy} general={form.errors.general} failures={form.failures} onSubmit={submit} onClose={onClose}>
      <Field id="work-diagnose-findings" label={t('work.findings')} error={errors.findings}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={2000}
            value={findings}
            onChange={(event) => {
              setFindings(event.target.value)
              form.clear('findings')
            }}
          />
        )}
      </Field>
      <FaultCodeSelects
        manufacturerId={maker.id}
        manufacturerName={maker.name}
        value={codes}
        errors={errors}
        onChange={(kind, code) => {
          setCodes((current) => ({ ...current, [kind]: code }))
          form.clear(`faultCodes.${kind}`)
        }}
      />
      <Field id="work-diagnose-tier" label={t('work.repairTier')} error={errors.repairTier}>
        {(control) => (
          <select
            {...control}
            value={tier}
            onChange={(event) => {
              setTier(event.target.value as RepairTier)
              form.clear('repairTier')
            }}
          >
            <option value="">{t('workForm.choose')}</option>
            {repairTiers.map((option) => (
              <option key={option} value={option}>
                {t(`repair.tier.${option}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {inWarranty && (
        <WarrantyDecisionFields
          draft={warranty}
          errors={errors}
          onChange={(patch, ...fixing) => {
            setWarranty((current) => ({ ...current, ...patch }))
            form.clear(...fixing)
          }}
        />
      )}
    </ActionForm>
  )
}
