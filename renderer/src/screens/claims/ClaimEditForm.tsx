import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClaimDetailDto } from '../../../../shared/dto/claims'
import { faultCodeKinds, repairTiers, type FaultCodeKind, type RepairTier } from '../../../../shared/repair'
import { useClient } from '../../client-context'
import { Field } from '../../components/Field'
import { useAllStaff, useFaultCodes } from '../../hooks'
import { queryKeys } from '../../query'
import { codeLabel } from '../ticket-detail/FaultCodeSelects'
import { draftOf, editFieldPaths, hasChanges, updateOf, type ClaimDraft, type PartDraft } from './claim-edit-draft'
import { useClaimText } from './claim-text'
import { useClaimForm } from './claims-hooks'
import { FormFrame } from './FormFrame'

interface ClaimEditFormProps {
  claim: ClaimDetailDto
  onClose: () => void
  onSaved: (claim: ClaimDetailDto) => void
}

/**
 * The editable fields of a claim, each showing the validation problem that concerns it until it
 * is changed. Saving a ready claim makes it draft again; saving a rejected one starts its next
 * revision as a draft ("correct and resubmit"). Only the fields that changed are sent.
 */
export function ClaimEditForm({ claim, onClose, onSaved }: ClaimEditFormProps) {
  const { t } = useTranslation()
  const text = useClaimText()
  const [draft, setDraft] = useState<ClaimDraft>(() => draftOf(claim))
  const saved = draftOf(claim)
  const form = useClaimForm('claims.update', editFieldPaths(claim), onSaved)
  const id = 'claim-edit'
  const resubmit = claim.status === 'rejected'

  // A problem shows on its field until the field is changed (then the next check says).
  const problemAt = new Map<string, string>()
  for (const problem of claim.problems) {
    const [head, position, leaf] = problem.field
    const path = head === 'parts' ? `parts.${claim.lines.findIndex((line) => line.position === position)}.${String(leaf)}` : problem.field.join('.')
    if (!problemAt.has(path)) problemAt.set(path, text.problem(problem))
  }
  const errorAt = (path: string, changed: boolean) => form.errors.fields[path] ?? (changed ? undefined : problemAt.get(path))

  const set = (change: Partial<ClaimDraft>, ...paths: string[]) => {
    setDraft((current) => ({ ...current, ...change }))
    form.clear(...paths)
  }
  const setPart = (index: number, change: Partial<PartDraft>, path: string) => {
    setDraft((current) => ({ ...current, parts: current.parts.map((part, i) => (i === index ? { ...part, ...change } : part)) }))
    form.clear(path)
  }
  const setCode = (kind: FaultCodeKind, code: string) => {
    setDraft((current) => ({ ...current, faultCodes: { ...current.faultCodes, [kind]: code } }))
    form.clear(`faultCodes.${kind}`)
  }

  const submit = () => {
    const input = updateOf(claim, draft)
    // A rejected claim may be sent again unchanged with a note alone (the manufacturer erred): the ledger starts its next revision.
    if (!hasChanges(input) && !(resubmit && input.note)) return form.failLocally({}, t('validation.nothingToChange'))
    form.send(input)
  }

  const textField = (name: 'imei' | 'serial' | 'proofOfPurchaseRef' | 'customerName' | 'customerPhone', options: { maxLength: number; mono?: boolean; inputMode?: 'numeric' | 'tel' }) => (
    <Field id={`${id}-${name}`} label={t(`claimsScreen.field.${name}`)} error={errorAt(name, draft[name].trim() !== saved[name])}>
      {(control) => (
        <input
          {...control}
          className={options.mono ? 'mono' : undefined}
          maxLength={options.maxLength}
          inputMode={options.inputMode}
          autoComplete="off"
          spellCheck={false}
          value={draft[name]}
          onChange={(event) => set({ [name]: event.target.value }, name)}
        />
      )}
    </Field>
  )
  const dateField = (name: 'purchaseDate' | 'receivedDate' | 'repairStartedDate' | 'completedDate') => (
    <Field id={`${id}-${name}`} label={t(`claimsScreen.field.${name}`)} error={errorAt(name, draft[name] !== saved[name])}>
      {(control) => <input {...control} type="date" value={draft[name]} onChange={(event) => set({ [name]: event.target.value }, name)} />}
    </Field>
  )

  return (
    <FormFrame
      id={id}
      title={resubmit ? t('claimsScreen.edit.resubmitTitle', { claim: claim.number }) : t('claimsScreen.edit.title', { claim: claim.number })}
      hint={resubmit ? t('claimsScreen.edit.resubmitHint', { revision: claim.revision + 1 }) : claim.status === 'ready' ? t('claimsScreen.edit.readyHint') : t('claimsScreen.edit.hint')}
      submitLabel={resubmit ? t('claimsScreen.edit.resubmitSave') : t('claimsScreen.edit.save')}
      busy={form.busy}
      general={form.errors.general}
      failures={form.failures}
      onSubmit={submit}
      onClose={onClose}
      focusInvalidFirst
    >
      <fieldset className="claim-fieldset">
        <legend>{t('claimsScreen.edit.device')}</legend>
        <div className="form-row">
          <ModelSelect id={`${id}-modelId`} manufacturerId={claim.manufacturer.id} current={claim.model} value={draft.modelId} onChange={(modelId) => set({ modelId }, 'modelId')} error={errorAt('modelId', draft.modelId !== saved.modelId)} />
          {textField('imei', { maxLength: 20, mono: true, inputMode: 'numeric' })}
          {textField('serial', { maxLength: 40, mono: true })}
        </div>
      </fieldset>
      <fieldset className="claim-fieldset">
        <legend>{t('claimsScreen.edit.purchase')}</legend>
        <div className="form-row">
          {dateField('purchaseDate')}
          {textField('proofOfPurchaseRef', { maxLength: 60 })}
        </div>
      </fieldset>
      <fieldset className="claim-fieldset">
        <legend>{t('claimsScreen.edit.customer')}</legend>
        <div className="form-row">
          {textField('customerName', { maxLength: 80 })}
          {textField('customerPhone', { maxLength: 30, inputMode: 'tel' })}
        </div>
      </fieldset>
      <fieldset className="claim-fieldset">
        <legend>{t('claimsScreen.edit.dates')}</legend>
        <div className="form-row">
          {dateField('receivedDate')}
          {dateField('repairStartedDate')}
          {dateField('completedDate')}
        </div>
      </fieldset>
      <fieldset className="claim-fieldset">
        <legend>{t('claimsScreen.edit.repair')}</legend>
        <FaultCodeFields id={id} manufacturerId={claim.manufacturer.id} value={draft.faultCodes} onChange={setCode} errorOf={(kind) => errorAt(`faultCodes.${kind}`, draft.faultCodes[kind] !== saved.faultCodes[kind])} />
        <div className="form-row">
          <Field id={`${id}-repairTier`} label={t('claimsScreen.field.repairTier')} error={errorAt('repairTier', draft.repairTier !== saved.repairTier)}>
            {(control) => (
              <select {...control} value={draft.repairTier} onChange={(event) => set({ repairTier: event.target.value as RepairTier }, 'repairTier')}>
                {repairTiers.map((tier) => (
                  <option key={tier} value={tier}>
                    {t(`repair.tier.${tier}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TechnicianSelect id={`${id}-technicianId`} current={claim.technician} value={draft.technicianId} onChange={(technicianId) => set({ technicianId }, 'technicianId')} error={errorAt('technicianId', draft.technicianId !== saved.technicianId)} />
        </div>
      </fieldset>
      {claim.lines.length > 0 && (
        <fieldset className="claim-fieldset">
          <legend>{t('claimsScreen.edit.parts')}</legend>
          {claim.lines.map((line, index) => {
            const part = draft.parts[index]!
            const before = saved.parts[index]!
            const lineField = (name: 'partNumber' | 'oldSerial' | 'newSerial') => (
              <Field
                id={`${id}-parts-${index}-${name}`}
                label={t(`claimsScreen.field.${name}`, { line: index + 1 })}
                error={errorAt(`parts.${index}.${name}`, part[name].trim() !== before[name])}
              >
                {(control) => <input {...control} className="mono" maxLength={60} autoComplete="off" spellCheck={false} value={part[name]} onChange={(event) => setPart(index, { [name]: event.target.value }, `parts.${index}.${name}`)} />}
              </Field>
            )
            return (
              <div key={line.movementId} className="claim-line-fields">
                <p className="meta">{t('claimsScreen.edit.lineTitle', { line: index + 1, name: line.name, quantity: line.quantity })}</p>
                <div className="form-row">
                  {lineField('partNumber')}
                  {(line.serialized || line.oldSerial || line.newSerial) && lineField('oldSerial')}
                  {(line.serialized || line.oldSerial || line.newSerial) && lineField('newSerial')}
                </div>
              </div>
            )
          })}
        </fieldset>
      )}
      <Field id={`${id}-note`} label={`${t('claimsScreen.edit.note')} ${t('common.optional')}`} hint={t('claimsScreen.edit.noteHint')} error={form.errors.fields.note}>
        {(control) => <input {...control} maxLength={500} autoComplete="off" value={draft.note} onChange={(event) => set({ note: event.target.value }, 'note')} />}
      </Field>
    </FormFrame>
  )
}

interface SelectProps<T> {
  id: string
  value: number
  onChange: (id: number) => void
  error: string | undefined
  current: T
}

/** Models of the claim's manufacturer (a claim stays with the manufacturer of its repair). */
function ModelSelect({ id, manufacturerId, current, value, onChange, error }: SelectProps<{ id: number; name: string }> & { manufacturerId: number }) {
  const { t } = useTranslation()
  const client = useClient()
  const models = useQuery({ queryKey: queryKeys.modelSearch('', manufacturerId), queryFn: () => client.call('models.search', { query: '', manufacturerId, limit: 200 }) })
  const options = models.data?.map((model) => ({ id: model.id, name: model.marketingName })) ?? []
  if (!options.some((option) => option.id === current.id)) options.unshift(current)
  return (
    <Field id={id} label={t('claimsScreen.field.model')} error={error}>
      {(control) => (
        <select {...control} value={value} aria-busy={models.isPending || undefined} onChange={(event) => onChange(Number(event.target.value))}>
          {options.map((model) => (
            <option key={model.id} value={model.id}>
              {model.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}

/** Everyone who works or worked here (the claim's technician may since have left). */
function TechnicianSelect({ id, current, value, onChange, error }: SelectProps<{ id: number; name: string }>) {
  const { t } = useTranslation()
  const staff = useAllStaff()
  const options = staff.data?.map((person) => ({ id: person.id, name: person.name })) ?? []
  if (!options.some((option) => option.id === current.id)) options.unshift(current)
  return (
    <Field id={id} label={t('claimsScreen.field.technician')} error={error}>
      {(control) => (
        <select {...control} value={value} aria-busy={staff.isPending || undefined} onChange={(event) => onChange(Number(event.target.value))}>
          {options.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  )
}

/** The four fault codes from the manufacturer's active list; a code not (or no longer) on it stays choosable so the claim reads as it is. */
function FaultCodeFields({ id, manufacturerId, value, onChange, errorOf }: { id: string; manufacturerId: number; value: Record<FaultCodeKind, string>; onChange: (kind: FaultCodeKind, code: string) => void; errorOf: (kind: FaultCodeKind) => string | undefined }) {
  const { t } = useTranslation()
  const codes = useFaultCodes(manufacturerId, false)
  return (
    <div className="form-row" aria-busy={codes.isPending || undefined}>
      {faultCodeKinds.map((kind) => {
        const listed = codes.data?.filter((code) => code.kind === kind && code.active) ?? []
        const current = value[kind]
        return (
          <Field key={kind} id={`${id}-faultCodes-${kind}`} label={t(`repair.faultCodeKind.${kind}`)} error={errorOf(kind)}>
            {(control) => (
              <select {...control} value={current} onChange={(event) => onChange(kind, event.target.value)}>
                <option value="">{t('claimsScreen.edit.noCode')}</option>
                {current && !listed.some((code) => code.code === current) && <option value={current}>{t('claimsScreen.edit.codeNotListed', { code: current })}</option>}
                {listed.map((code) => (
                  <option key={code.id} value={code.code}>
                    {codeLabel(code)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )
      })}
    </div>
  )
}
