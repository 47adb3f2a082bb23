import { useTranslation } from 'react-i18next'
import { useShopFormat } from '../../shop-format'
import { parseCount } from './denominations'

interface DenominationCountProps {
  values: readonly number[]
  counts: Record<number, string>
  onChange: (valueMinor: number, text: string) => void
  totalMinor: number
  /** Shown once the count was submitted with a count that is not a whole number. */
  showInvalid: boolean
}

/** One count per note and coin, with each line's value and the sum shown as they are typed. */
export function DenominationCount({ values, counts, onChange, totalMinor, showInvalid }: DenominationCountProps) {
  const { t } = useTranslation()
  const format = useShopFormat()
  return (
    <fieldset className="denominations">
      <legend>{t('cash.byDenomination')}</legend>
      <table className="table table-compact">
        <caption className="visually-hidden">{t('cash.byDenomination')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cash.denomination')}</th>
            <th scope="col">{t('cash.count')}</th>
            <th scope="col" className="num">
              {t('cash.subtotal')}
            </th>
          </tr>
        </thead>
        <tbody>
          {values.map((valueMinor) => {
            const text = counts[valueMinor] ?? ''
            const count = parseCount(text)
            const id = `drawer-count-${valueMinor}`
            const invalid = showInvalid && count === null
            return (
              <tr key={valueMinor}>
                <th scope="row">
                  <label htmlFor={id}>{format.money(valueMinor)}</label>
                </th>
                <td>
                  <input
                    id={id}
                    className="count-input"
                    inputMode="numeric"
                    autoComplete="off"
                    maxLength={6}
                    value={text}
                    aria-invalid={invalid || undefined}
                    aria-describedby={invalid ? `${id}-error` : undefined}
                    onChange={(event) => onChange(valueMinor, event.target.value)}
                  />
                  {invalid && (
                    <p id={`${id}-error`} className="field-error">
                      {t('validation.count')}
                    </p>
                  )}
                </td>
                <td className="num">{count === null ? '' : format.money(valueMinor * count)}</td>
              </tr>
            )
          })}
        </tbody>
        <tfoot>
          <tr className="total-row">
            <th scope="row" colSpan={2} className="num">
              {t('cash.countedTotal')}
            </th>
            <td className="num" aria-live="polite">
              {format.money(totalMinor)}
            </td>
          </tr>
        </tfoot>
      </table>
    </fieldset>
  )
}
