import type { KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Field } from '../../components/Field'
import { PartPicker, partLabel } from './PartPicker'
import type { ReceiveLineDraft } from './receive-draft'

interface Props {
  line: ReceiveLineDraft
  index: number
  /** Bought stock: the line takes a unit cost. */
  withCost: boolean
  canRemove: boolean
  errors: Record<string, string>
  onChange: (patch: Partial<ReceiveLineDraft>, field: string) => void
  onRemove: () => void
  /** Enter in the quantity or cost box: on to the next line (a new one after the last). */
  onNext: () => void
}

/** One delivery line in its own group ("Line 2"): part, quantity and, for bought stock, the unit cost. */
export function ReceiveLineFields({ line, index, withCost, canRemove, errors, onChange, onRemove, onNext }: Props) {
  const { t } = useTranslation()
  const id = `receive-line-${line.key}`
  const error = (field: string) => errors[`lines.${index}.${field}`]
  const number = index + 1
  const nextOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.ctrlKey || event.metaKey) return
    event.preventDefault()
    onNext()
  }
  return (
    <fieldset className="estimate-line receive-line">
      <legend>{t('workForm.lineLegend', { number })}</legend>
      <div className={withCost ? 'receive-line-fields' : 'receive-line-fields receive-line-fields-nocost'}>
        <PartPicker
          id={`${id}-part`}
          label={t('receive.part')}
          query={line.query}
          picked={line.part !== null}
          onQueryChange={(query) => onChange({ query, part: null }, 'partId')}
          onPick={(part) => {
            onChange({ part, query: partLabel(part) }, 'partId')
            // Picked with Enter: the quantity is what is typed next.
            document.getElementById(`${id}-quantity`)?.focus()
          }}
          error={error('partId')}
        />
        <Field id={`${id}-quantity`} label={t('parts.quantity')} error={error('quantity')}>
          {(control) => <input {...control} inputMode="numeric" maxLength={5} autoComplete="off" value={line.quantity} onChange={(event) => onChange({ quantity: event.target.value }, 'quantity')} onKeyDown={nextOnEnter} />}
        </Field>
        {withCost && (
          <Field id={`${id}-cost`} label={t('receive.unitCost')} error={error('unitCostMinor')}>
            {(control) => <input {...control} inputMode="decimal" maxLength={16} autoComplete="off" value={line.unitCost} onChange={(event) => onChange({ unitCost: event.target.value }, 'unitCostMinor')} onKeyDown={nextOnEnter} />}
          </Field>
        )}
        {canRemove && (
          <button type="button" className="button button-small estimate-line-remove" onClick={onRemove}>
            {t('workForm.removeLine', { number })}
          </button>
        )}
      </div>
    </fieldset>
  )
}
