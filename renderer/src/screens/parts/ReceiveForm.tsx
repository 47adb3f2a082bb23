import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReceiptDto } from '../../../../shared/dto/stock'
import { parsePool, type PoolKey } from '../../../../shared/stock'
import { Field } from '../../components/Field'
import { ErrorAlert } from '../../components/Feedback'
import { focusFirstInvalid, useFocusOnMount } from '../../components/useFocusOnMount'
import { usePoolNames } from '../../pool-names'
import { useShopFormat } from '../../shop-format'
import { emptyReceiveLine, isBlank, parseReceiveLines, receiveFieldPaths, type ReceiveLineDraft } from './receive-draft'
import { ReceiptSummary } from './ReceiptSummary'
import { ReceiveLineFields } from './ReceiveLineFields'
import { useStockForm } from './stock-hooks'

/**
 * A delivery into shop stock (bought, each line with its unit cost) or into a manufacturer's
 * consigned stock (sent by it, no cost). Keyboard first: Enter in a quantity or cost box goes on
 * to the next line, adding one after the last; Ctrl+Enter receives the delivery.
 */
export function ReceiveForm() {
  const { t } = useTranslation()
  const format = useShopFormat()
  const pools = usePoolNames()
  const formRef = useRef<HTMLFormElement>(null)
  const poolRef = useFocusOnMount<HTMLSelectElement>()
  const [pool, setPool] = useState<PoolKey>('shop')
  const [supplier, setSupplier] = useState('')
  const [deliveryNote, setDeliveryNote] = useState('')
  const [lines, setLines] = useState<ReceiveLineDraft[]>(() => [emptyReceiveLine()])
  const [focusLine, setFocusLine] = useState<number | null>(null)
  const [receipt, setReceipt] = useState<{ receipt: ReceiptDto; pool: PoolKey } | null>(null)
  const form = useStockForm('stock.receive', receiveFieldPaths(lines.length), (done) => {
    setReceipt({ receipt: done, pool })
    setLines([emptyReceiveLine()])
    setDeliveryNote('')
  })
  const withCost = pool === 'shop'

  useEffect(() => {
    if (focusLine !== null) document.getElementById(`receive-line-${focusLine}-part`)?.focus()
  }, [focusLine])
  useEffect(() => {
    if (form.failures) focusFirstInvalid(formRef.current)
  }, [form.failures])

  const choosePool = (next: PoolKey) => {
    setPool(next)
    form.clear('pool', ...receiveFieldPaths(lines.length).filter((path) => path.endsWith('unitCostMinor')))
    // A consigned delivery comes from its manufacturer: name it unless a supplier is typed.
    const maker = parsePool(next)?.manufacturerId
    const name = pools.manufacturers.find((m) => m.id === maker)?.name
    if (name && !supplier.trim()) setSupplier(name)
  }
  const change = (key: number, index: number) => (patch: Partial<ReceiveLineDraft>, field: string) => {
    setLines((current) => current.map((line) => (line.key === key ? { ...line, ...patch } : line)))
    form.clear(`lines.${index}.${field}`, 'lines')
  }
  const next = (index: number) => {
    const following = lines[index + 1]
    if (following) return document.getElementById(`receive-line-${following.key}-part`)?.focus()
    if (lines.length >= 200) return
    const line = emptyReceiveLine()
    setLines((current) => [...current, line])
    setFocusLine(line.key)
  }
  const remove = (key: number) => {
    setLines((current) => current.filter((line) => line.key !== key))
    // Messages are kept by line position; after a removal they would point at the wrong lines.
    form.clear(...receiveFieldPaths(lines.length).filter((path) => path.startsWith('lines.')))
  }

  const submit = () => {
    setReceipt(null)
    // Lines added ahead of need and left empty are dropped, so positions match the ledger's.
    const kept = lines.filter((line, index) => !isBlank(line) || (index === 0 && lines.every(isBlank)))
    if (kept.length !== lines.length) setLines(kept)
    const parsed = parseReceiveLines(kept, pool, format.currency)
    const fields: Record<string, string> = Object.fromEntries(parsed.problems.map((p) => [p.path, t(p.messageKey, p.params)]))
    if (!supplier.trim()) fields.supplier = t('validation.required')
    if (Object.keys(fields).length) return form.failLocally(fields)
    form.send({ pool, supplier, deliveryNote, lines: parsed.lines })
  }
  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!form.busy) submit()
  }
  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      if (!form.busy) submit()
    } else if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      // Enter never sends half a delivery: it picks a part or moves on (handled by the line).
      event.preventDefault()
    }
  }

  return (
    <>
      <form ref={formRef} aria-labelledby="receive-title" noValidate onSubmit={onSubmit} onKeyDown={onKeyDown} className="receive-form">
        <h2 id="receive-title">{t('receive.title')}</h2>
        <p className="field-hint">{t('receive.keyboardHint')}</p>
        <ErrorAlert message={form.errors.general} />
        <div className="form-row">
          <Field id="receive-pool" label={t('receive.pool')} hint={withCost ? t('receive.shopHint') : t('receive.consignedHint')} error={form.errors.fields.pool}>
            {(control) => (
              <select {...control} ref={poolRef} value={pool} onChange={(event) => choosePool(event.target.value as PoolKey)}>
                {pools.usablePools.map((option) => (
                  <option key={option} value={option}>
                    {pools.label(option)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="receive-supplier" label={t('receive.supplier')} error={form.errors.fields.supplier}>
            {(control) => (
              <input
                {...control}
                maxLength={80}
                autoComplete="off"
                value={supplier}
                onChange={(event) => {
                  setSupplier(event.target.value)
                  form.clear('supplier')
                }}
              />
            )}
          </Field>
          <Field id="receive-note" label={`${t('receive.deliveryNote')} ${t('common.optional')}`} error={form.errors.fields.deliveryNote}>
            {(control) => <input {...control} className="mono" maxLength={60} autoComplete="off" value={deliveryNote} onChange={(event) => setDeliveryNote(event.target.value)} />}
          </Field>
        </div>
        {withCost && <p className="field-hint">{t('workForm.moneyHint')}</p>}
        {lines.map((line, index) => (
          <ReceiveLineFields
            key={line.key}
            line={line}
            index={index}
            withCost={withCost}
            canRemove={lines.length > 1}
            errors={form.errors.fields}
            onChange={change(line.key, index)}
            onRemove={() => remove(line.key)}
            onNext={() => next(index)}
          />
        ))}
        {form.errors.fields.lines && <ErrorAlert message={form.errors.fields.lines} />}
        <div className="form-actions">
          <button type="button" className="button button-small" onClick={() => next(lines.length - 1)} disabled={lines.length >= 200}>
            {t('workForm.addLine')}
          </button>
          <button type="submit" className="button button-primary" aria-keyshortcuts="Control+Enter" aria-busy={form.busy || undefined}>
            {form.busy ? t('common.saving') : t('receive.submit')}
          </button>
        </div>
      </form>
      {receipt && <ReceiptSummary receipt={receipt.receipt} pool={receipt.pool} />}
    </>
  )
}
