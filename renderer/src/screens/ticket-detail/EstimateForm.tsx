import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/Feedback'
import { useSettings } from '../../hooks'
import { useShopFormat } from '../../shop-format'
import { ActionForm, NoteField, type WorkFormProps } from './ActionForm'
import { emptyLine, initialLines, lineFieldPaths, parseLines, previewTotals, type LineDraft } from './estimate-draft'
import { EstimateLineFields } from './EstimateLineFields'
import { useWorkForm } from './work-hooks'

/**
 * Labour, parts and fees for paid work, with the totals worked out as they are typed. Prices are
 * typed as money in the shop currency and checked here (a fraction of a cent never leaves the
 * form); the ledger computes the tax again from its own settings when it saves.
 */
export function EstimateForm({ ticket, work, onClose, onDone }: WorkFormProps) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const settings = useSettings().data
  const taxRateBp = settings?.taxRateBp ?? 0
  const pricesIncludeTax = settings?.pricesIncludeTax ?? true
  const [lines, setLines] = useState<LineDraft[]>(() => initialLines(work.estimate, format.currency))
  const [note, setNote] = useState('')
  const [focusLine, setFocusLine] = useState<number | null>(null)
  const addButton = useRef<HTMLButtonElement>(null)
  const form = useWorkForm('tickets.estimate', lineFieldPaths(lines.length), onDone)
  const totals = previewTotals(lines, format.currency, taxRateBp, pricesIncludeTax)

  useEffect(() => {
    if (focusLine !== null) document.getElementById(`work-estimate-line-${focusLine}-kind`)?.focus()
  }, [focusLine])

  const change = (key: number, index: number) => (patch: Partial<LineDraft>, field: string) => {
    setLines((current) => current.map((line) => (line.key === key ? { ...line, ...patch } : line)))
    form.clear(`lines.${index}.${field}`, 'lines')
  }
  const add = () => {
    const line = emptyLine('part')
    setLines((current) => [...current, line])
    setFocusLine(line.key)
  }
  const remove = (key: number) => {
    setLines((current) => current.filter((line) => line.key !== key))
    // Messages are kept by line position; after a removal they would point at the wrong lines.
    form.clear(...lineFieldPaths(lines.length).filter((path) => path.startsWith('lines.')))
    addButton.current?.focus()
  }
  const submit = () => {
    const parsed = parseLines(lines, format.currency)
    if (parsed.problems.length) return form.failLocally(Object.fromEntries(parsed.problems.map((p) => [p.path, t(p.messageKey, p.params)])))
    form.send({ id: ticket.id, lines: parsed.lines, note })
  }

  return (
    <ActionForm id="work-estimate" title={t('ticketAction.estimate')} submitLabel={t('workForm.submit.estimate')} busy={form.busy} general={form.errors.general} failures={form.failures} onSubmit={submit} onClose={onClose}>
      <p className="field-hint">{t('workForm.moneyHint')}</p>
      {lines.map((line, index) => (
        <EstimateLineFields key={line.key} line={line} index={index} modelId={ticket.device.model.id} canRemove={lines.length > 1} errors={form.errors.fields} onChange={change(line.key, index)} onRemove={() => remove(line.key)} />
      ))}
      {form.errors.fields.lines && <ErrorAlert message={form.errors.fields.lines} />}
      <div className="form-actions">
        <button type="button" ref={addButton} className="button button-small" onClick={add} disabled={lines.length >= 50}>
          {t('workForm.addLine')}
        </button>
      </div>
      <div className="estimate-totals">
        <h4>{t('workForm.totals')}</h4>
        <dl className="facts">
          <div>
            <dt>{t('work.net')}</dt>
            <dd>{format.money(totals.netMinor)}</dd>
          </div>
          <div>
            <dt>{t('work.tax', { rate: format.percent(taxRateBp) })}</dt>
            <dd>{format.money(totals.taxMinor)}</dd>
          </div>
          <div>
            <dt>{t('work.total')}</dt>
            <dd className="total-value">{format.money(totals.totalMinor)}</dd>
          </div>
        </dl>
        <p className="field-hint">{pricesIncludeTax ? t('work.pricesIncludeTax') : t('work.pricesExcludeTax')}</p>
      </div>
      <NoteField formId="work-estimate" value={note} onChange={setNote} error={form.errors.fields.note} />
    </ActionForm>
  )
}
