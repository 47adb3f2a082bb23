import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PartDetailDto } from '../../../../shared/dto/stock'
import { currencyDigits, DecimalParseError, minorToDecimalString } from '../../../../shared/money'
import { CheckboxField, Field } from '../../components/Field'
import { useShopFormat } from '../../shop-format'
import { ActionForm } from '../ticket-detail/ActionForm'
import { ModelsPicker, type ChosenModel } from './ModelsPicker'
import { useStockForm } from './stock-hooks'
import { parseAmount, parseCount } from './stock-numbers'

const fieldPaths = ['sku', 'manufacturerPartNumber', 'name', 'modelIds', 'sellPriceMinor', 'reorderPoint', 'binLocation', 'serialized', 'active'] as const

interface Draft {
  sku: string
  manufacturerPartNumber: string
  name: string
  models: ChosenModel[]
  sellPrice: string
  reorderPoint: string
  binLocation: string
  serialized: boolean
  active: boolean
}

function draftOf(part: PartDetailDto | undefined, currency: string): Draft {
  return {
    sku: part?.sku ?? '',
    manufacturerPartNumber: part?.manufacturerPartNumber ?? '',
    name: part?.name ?? '',
    models: part?.models ?? [],
    sellPrice: part ? minorToDecimalString(part.sellPriceMinor, currencyDigits(currency)) : '',
    reorderPoint: String(part?.reorderPoint ?? 0),
    binLocation: part?.binLocation ?? '',
    serialized: part?.serialized ?? false,
    active: part?.active ?? true,
  }
}

/** An owner adds a part to the catalogue (no `part`) or edits one; stock is never typed here, only moved. */
export function PartForm({ part, onClose, onSaved }: { part?: PartDetailDto; onClose: () => void; onSaved: (part: PartDetailDto) => void }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const editing = part !== undefined
  const prefix = editing ? 'part-edit' : 'part-add'
  const [draft, setDraft] = useState(() => draftOf(part, format.currency))
  const keyToField = { 'errors.skuTaken': 'sku' }
  const create = useStockForm('parts.create', fieldPaths, onSaved, keyToField)
  const update = useStockForm('parts.update', fieldPaths, onSaved, keyToField)
  const form = editing ? update : create

  const set = <K extends keyof Draft>(name: K, value: Draft[K], path: string = name) => {
    setDraft((d) => ({ ...d, [name]: value }))
    form.clear(path)
  }
  const submit = () => {
    const fields: Record<string, string> = {}
    if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/.test(draft.sku.trim())) fields.sku = t('validation.sku')
    if (!draft.name.trim()) fields.name = t('validation.required')
    const price = parseAmount(draft.sellPrice, format.currency)
    if (price instanceof DecimalParseError) fields.sellPriceMinor = t(price.messageKey, price.params)
    const reorderPoint = parseCount(draft.reorderPoint)
    if (reorderPoint === null) fields.reorderPoint = t('validation.reorderPoint')
    if (Object.keys(fields).length || price instanceof DecimalParseError || reorderPoint === null) return form.failLocally(fields)
    const values = {
      sku: draft.sku,
      manufacturerPartNumber: draft.manufacturerPartNumber,
      name: draft.name,
      modelIds: draft.models.map((model) => model.id),
      sellPriceMinor: price,
      reorderPoint,
      binLocation: draft.binLocation,
      serialized: draft.serialized,
    }
    if (editing) update.send({ id: part.id, ...values, active: draft.active })
    else create.send(values)
  }

  const text = (name: 'sku' | 'manufacturerPartNumber' | 'name' | 'binLocation') => (event: { target: { value: string } }) => set(name, event.target.value)
  return (
    <ActionForm
      id={prefix}
      title={editing ? t('parts.editTitle', { sku: part.sku }) : t('parts.addTitle')}
      submitLabel={editing ? t('parts.saveChanges') : t('parts.add')}
      busy={form.busy}
      general={form.errors.general}
      failures={form.failures}
      onSubmit={submit}
      onClose={onClose}
    >
      <div className="form-row">
        <Field id={`${prefix}-sku`} label={t('parts.sku')} hint={t('parts.skuHint')} error={form.errors.fields.sku}>
          {(control) => <input {...control} className="mono" maxLength={40} autoComplete="off" spellCheck={false} value={draft.sku} onChange={text('sku')} />}
        </Field>
        <Field id={`${prefix}-mpn`} label={`${t('parts.mpn')} ${t('common.optional')}`} error={form.errors.fields.manufacturerPartNumber}>
          {(control) => <input {...control} className="mono" maxLength={60} autoComplete="off" spellCheck={false} value={draft.manufacturerPartNumber} onChange={text('manufacturerPartNumber')} />}
        </Field>
        <Field id={`${prefix}-name`} label={t('parts.name')} error={form.errors.fields.name}>
          {(control) => <input {...control} maxLength={120} autoComplete="off" value={draft.name} onChange={text('name')} />}
        </Field>
        <Field id={`${prefix}-price`} label={t('parts.sellPrice')} hint={t('workForm.moneyHint')} error={form.errors.fields.sellPriceMinor}>
          {(control) => <input {...control} inputMode="decimal" maxLength={16} autoComplete="off" value={draft.sellPrice} onChange={(event) => set('sellPrice', event.target.value, 'sellPriceMinor')} />}
        </Field>
        <Field id={`${prefix}-reorder`} label={t('parts.reorderPoint')} hint={t('parts.reorderHint')} error={form.errors.fields.reorderPoint}>
          {(control) => <input {...control} inputMode="numeric" maxLength={5} autoComplete="off" value={draft.reorderPoint} onChange={(event) => set('reorderPoint', event.target.value)} />}
        </Field>
        <Field id={`${prefix}-bin`} label={`${t('parts.bin')} ${t('common.optional')}`} error={form.errors.fields.binLocation}>
          {(control) => <input {...control} className="mono" maxLength={30} autoComplete="off" value={draft.binLocation} onChange={text('binLocation')} />}
        </Field>
      </div>
      <ModelsPicker id={`${prefix}-models`} models={draft.models} onChange={(models) => set('models', models, 'modelIds')} error={form.errors.fields.modelIds} />
      <CheckboxField id={`${prefix}-serialized`} label={t('parts.serialized')} hint={t('parts.serializedHint')} checked={draft.serialized} onChange={(serialized) => set('serialized', serialized)} error={form.errors.fields.serialized} />
      {editing && <CheckboxField id={`${prefix}-active`} label={t('parts.active')} hint={t('parts.activeHint')} checked={draft.active} onChange={(active) => set('active', active)} error={form.errors.fields.active} />}
    </ActionForm>
  )
}
