import { useTranslation } from 'react-i18next'
import { currencyDigits, minorToDecimalString } from '../../../../shared/money'
import { estimateLineKinds, type EstimateLineKind } from '../../../../shared/repair'
import { Field } from '../../components/Field'
import { PartPicker, partLabel } from '../parts/PartPicker'
import { useShopFormat } from '../../shop-format'
import type { LineDraft } from './estimate-draft'

interface LineProps {
  line: LineDraft
  index: number
  /** The ticket's device model: its parts are offered first. */
  modelId: number
  canRemove: boolean
  errors: Record<string, string>
  onChange: (patch: Partial<LineDraft>, field: string) => void
  onRemove: () => void
}

/** One estimate line in its own group ("Line 2"), so its four fields read as one line. */
export function EstimateLineFields({ line, index, modelId, canRemove, errors, onChange, onRemove }: LineProps) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const id = `work-estimate-line-${line.key}`
  const error = (field: string) => errors[`lines.${index}.${field}`]
  const number = index + 1
  return (
    <fieldset className="estimate-line">
      <legend>{t('workForm.lineLegend', { number })}</legend>
      {line.kind === 'part' && (
        <div className="estimate-line-part">
          <PartPicker
            id={`${id}-part`}
            label={`${t('ticketParts.cataloguePart')} ${t('common.optional')}`}
            hint={line.partId !== null ? t('ticketParts.cataloguePartLinked') : t('ticketParts.cataloguePartHint')}
            query={line.partQuery}
            picked={line.partId !== null}
            modelId={modelId}
            onQueryChange={(partQuery) => onChange({ partQuery, partId: null }, 'partId')}
            onPick={(part) =>
              onChange({ partId: part.id, partQuery: partLabel(part), description: part.name, unitPrice: minorToDecimalString(part.sellPriceMinor, currencyDigits(format.currency)) }, 'partId')
            }
            error={error('partId')}
          />
        </div>
      )}
      <div className="estimate-line-fields">
        <Field id={`${id}-kind`} label={t('work.lineKind')} error={error('kind')}>
          {(control) => (
            <select
              {...control}
              value={line.kind}
              onChange={(event) => {
                const kind = event.target.value as EstimateLineKind
                // Only a part line can name a catalogue part.
                onChange(kind === 'part' ? { kind } : { kind, partId: null, partQuery: '' }, 'kind')
              }}
            >
              {estimateLineKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`repair.lineKind.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`${id}-description`} label={t('work.description')} error={error('description')}>
          {(control) => <input {...control} maxLength={200} autoComplete="off" value={line.description} onChange={(event) => onChange({ description: event.target.value }, 'description')} />}
        </Field>
        <Field id={`${id}-quantity`} label={t('work.quantity')} error={error('quantity')}>
          {(control) => <input {...control} inputMode="numeric" maxLength={3} autoComplete="off" value={line.quantity} onChange={(event) => onChange({ quantity: event.target.value }, 'quantity')} />}
        </Field>
        <Field id={`${id}-price`} label={t('work.unitPrice')} error={error('unitPriceMinor')}>
          {(control) => <input {...control} inputMode="decimal" maxLength={16} autoComplete="off" value={line.unitPrice} onChange={(event) => onChange({ unitPrice: event.target.value }, 'unitPriceMinor')} />}
        </Field>
        {canRemove && (
          <button type="button" className="button button-small estimate-line-remove" onClick={onRemove}>
            {t('workForm.removeLine', { number })}
          </button>
        )}
      </div>
    </fieldset>
  )
}
