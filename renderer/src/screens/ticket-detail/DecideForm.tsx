import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DecimalParseError, parseMoney } from '../../../../shared/money'
import { decisionChannels, type DecisionChannel } from '../../../../shared/repair'
import { Field } from '../../components/Field'
import { RadioGroup } from '../../components/RadioGroup'
import { errorMessage } from '../../errors'
import { useShopFormat } from '../../shop-format'
import { ActionForm, NoteField, type WorkFormProps } from './ActionForm'
import { useWorkForm } from './work-hooks'

type Decision = 'approved' | 'declined'
const fieldPaths = ['decision', 'via', 'diagnosisFeeMinor', 'note']

/**
 * The customer's answer to the estimate, and how it came in. Only the answers the ledger allows
 * now are offered (approval needs an estimate); a declined device may carry a diagnosis fee.
 */
export function DecideForm({ ticket, work, initial, onClose, onDone }: WorkFormProps & { initial: Decision }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const allowed = (['approved', 'declined'] as const).filter((d) => work.actions.includes(d === 'approved' ? 'approve' : 'decline'))
  const [decision, setDecision] = useState<Decision>(initial)
  const [via, setVia] = useState<DecisionChannel | ''>('')
  const [fee, setFee] = useState('')
  const [note, setNote] = useState('')
  const form = useWorkForm('tickets.decide', fieldPaths, onDone)

  const submit = () => {
    const fields: Record<string, string> = {}
    if (!via) fields.via = t('validation.decisionVia')
    let diagnosisFeeMinor: number | undefined
    if (decision === 'declined' && fee.trim()) {
      try {
        diagnosisFeeMinor = parseMoney(fee, format.currency)
      } catch (error) {
        if (!(error instanceof DecimalParseError)) throw error
        fields.diagnosisFeeMinor = errorMessage(t, error)
      }
    }
    if (Object.keys(fields).length || !via) return form.failLocally(fields)
    form.send({ id: ticket.id, decision, via, note, ...(diagnosisFeeMinor !== undefined ? { diagnosisFeeMinor } : {}) })
  }

  return (
    <ActionForm id="work-decide" title={t('work.decision')} submitLabel={t('workForm.submit.decide')} busy={form.busy} general={form.errors.general} failures={form.failures} onSubmit={submit} onClose={onClose}>
      <RadioGroup
        id="work-decide-decision"
        legend={t('workForm.decisionLegend')}
        options={allowed}
        labelOf={(option) => t(`repair.decision.${option}`)}
        value={decision}
        onChange={(value) => {
          setDecision(value)
          form.clear('decision', 'diagnosisFeeMinor')
        }}
        error={form.errors.fields.decision}
      />
      <div className="form-row">
        <Field id="work-decide-via" label={t('workForm.via')} error={form.errors.fields.via}>
          {(control) => (
            <select
              {...control}
              value={via}
              onChange={(event) => {
                setVia(event.target.value as DecisionChannel)
                form.clear('via')
              }}
            >
              <option value="">{t('workForm.choose')}</option>
              {decisionChannels.map((channel) => (
                <option key={channel} value={channel}>
                  {t(`repair.decisionChannel.${channel}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {decision === 'declined' && (
          <Field id="work-decide-fee" label={`${t('work.diagnosisFee')} ${t('common.optional')}`} hint={t('workForm.feeHint')} error={form.errors.fields.diagnosisFeeMinor}>
            {(control) => (
              <input
                {...control}
                inputMode="decimal"
                autoComplete="off"
                maxLength={16}
                value={fee}
                onChange={(event) => {
                  setFee(event.target.value)
                  form.clear('diagnosisFeeMinor')
                }}
              />
            )}
          </Field>
        )}
      </div>
      <NoteField formId="work-decide" value={note} onChange={setNote} error={form.errors.fields.note} />
    </ActionForm>
  )
}
