import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { contactChannels, testResults, type ContactChannel, type TestResult } from '../../../../shared/repair'
import { Field } from '../../components/Field'
import { useShopFormat } from '../../shop-format'
import { withMoneyParams } from '../payments/money-errors'
import { ActionForm, NoteField, type WorkFormProps } from './ActionForm'
import { HandbackGate, overrideFieldPaths, overrideInput, overrideProblems, type OverrideDraft } from './HandbackGate'
import { useWorkForm } from './work-hooks'

// The end of a repair: the work done and its test, telling the customer, and the hand-back.

export function CompleteForm({ ticket, onClose, onDone }: WorkFormProps) {
  const { t } = useTranslation()
  const [workDone, setWorkDone] = useState('')
  const [testResult, setTestResult] = useState<TestResult | ''>('')
  const [note, setNote] = useState('')
  const form = useWorkForm('tickets.complete', ['workDone', 'testResult', 'note'], onDone)
  const submit = () => {
    const fields: Record<string, string> = {}
    if (!workDone.trim()) fields.workDone = t('validation.required')
    if (!testResult) fields.testResult = t('validation.testResult')
    if (Object.keys(fields).length || !testResult) return form.failLocally(fields)
    form.send({ id: ticket.id, workDone, testResult, note })
  }
  return (
    <ActionForm id="work-complete" title={t('ticketAction.complete')} submitLabel={t('workForm.submit.complete')} busy={form.busy} general={form.errors.general} failures={form.failures} onSubmit={submit} onClose={onClose}>
      <Field id="work-complete-done" label={t('work.workDone')} error={form.errors.fields.workDone}>
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={2000}
            value={workDone}
            onChange={(event) => {
              setWorkDone(event.target.value)
              form.clear('workDone')
            }}
          />
        )}
      </Field>
      <Field id="work-complete-test" label={t('work.testResult')} error={form.errors.fields.testResult}>
        {(control) => (
          <select
            {...control}
            value={testResult}
            onChange={(event) => {
              setTestResult(event.target.value as TestResult)
              form.clear('testResult')
            }}
          >
            <option value="">{t('workForm.choose')}</option>
            {testResults.map((result) => (
              <option key={result} value={result}>
                {t(`repair.testResult.${result}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <NoteField formId="work-complete" value={note} onChange={setNote} error={form.errors.fields.note} />
    </ActionForm>
  )
}

export function MarkReadyForm({ ticket, onClose, onDone }: WorkFormProps) {
  const { t } = useTranslation()
  const [contactedVia, setContactedVia] = useState<ContactChannel | ''>('')
  const [note, setNote] = useState('')
  const form = useWorkForm('tickets.markReady', ['contactedVia', 'note'], onDone)
  const submit = () => {
    if (!contactedVia) return form.failLocally({ contactedVia: t('validation.contactVia') })
    form.send({ id: ticket.id, contactedVia, note })
  }
  return (
    <ActionForm id="work-markReady" title={t('ticketAction.markReady')} submitLabel={t('workForm.submit.markReady')} busy={form.busy} general={form.errors.general} failures={form.failures} onSubmit={submit} onClose={onClose}>
      <Field id="work-markReady-via" label={t('work.contactedVia')} error={form.errors.fields.contactedVia}>
        {(control) => (
          <select
            {...control}
            value={contactedVia}
            onChange={(event) => {
              setContactedVia(event.target.value as ContactChannel)
              form.clear('contactedVia')
            }}
          >
            <option value="">{t('workForm.choose')}</option>
            {contactChannels.map((channel) => (
              <option key={channel} value={channel}>
                {t(`repair.contactChannel.${channel}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <NoteField formId="work-markReady" value={note} onChange={setNote} error={form.errors.fields.note} />
    </ActionForm>
  )
}

export function CollectForm({ ticket, onClose, onDone }: WorkFormProps) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const [collectedBy, setCollectedBy] = useState(ticket.customer.name)
  const [note, setNote] = useState('')
  const [override, setOverride] = useState<OverrideDraft | null>(null)
  const form = useWorkForm('tickets.collect', ['collectedBy', 'note', ...overrideFieldPaths], onDone, (error) => withMoneyParams(error, format.money))
  const submit = () => {
    const problems = { ...(collectedBy.trim() ? {} : { collectedBy: 'validation.required' }), ...(override ? overrideProblems(override) : {}) }
    if (Object.keys(problems).length) return form.failLocally(Object.fromEntries(Object.entries(problems).map(([path, key]) => [path, t(key)])))
    form.send({ id: ticket.id, collectedBy, note, ...(override ? { override: overrideInput(override) } : {}) })
  }
  return (
    <ActionForm id="work-collect" title={t('ticketAction.collect')} submitLabel={t('workForm.submit.collect')} busy={form.busy} general={form.errors.general} failures={form.failures} onSubmit={submit} onClose={onClose}>
      <Field id="work-collect-by" label={t('work.collectedBy')} hint={t('workForm.collectedByHint')} error={form.errors.fields.collectedBy}>
        {(control) => (
          <input
            {...control}
            maxLength={80}
            autoComplete="off"
            value={collectedBy}
            onChange={(event) => {
              setCollectedBy(event.target.value)
              form.clear('collectedBy')
            }}
          />
        )}
      </Field>
      <NoteField formId="work-collect" value={note} onChange={setNote} error={form.errors.fields.note} />
      <HandbackGate ticketId={ticket.id} failures={form.failures} override={override} onOverride={setOverride} errors={form.errors.fields} onEdit={form.clear} />
    </ActionForm>
  )
}
