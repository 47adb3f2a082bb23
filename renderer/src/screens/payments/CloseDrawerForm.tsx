import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CashSessionDto } from '../../../../shared/dto/payments'
import { DecimalParseError } from '../../../../shared/money'
import { CheckboxField, Field } from '../../components/Field'
import { errorMessage } from '../../errors'
import { useShopFormat } from '../../shop-format'
import { amountOrNull, parseAmount } from './amount-text'
import { DenominationCount } from './DenominationCount'
import { denominationsFor, tally } from './denominations'
import { AmountField } from './MoneyFields'
import { useOverShortText } from './over-short'
import { useMoneyForm } from './payment-hooks'
import { QuickForm } from './QuickForm'

/**
 * Closes the drawer with the cash counted in it — typed as one amount or counted note by note —
 * and shows, as it is typed, how it compares with what the drawer should hold.
 */
export function CloseDrawerForm({ session, onClose, onClosed }: { session: CashSessionDto; onClose: () => void; onClosed: (message: string) => void }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const overShort = useOverShortText()
  const values = denominationsFor(format.currency)
  const [byDenomination, setByDenomination] = useState(false)
  const [counted, setCounted] = useState('')
  const [counts, setCounts] = useState<Record<number, string>>({})
  const [note, setNote] = useState('')
  const [submitted, setSubmitted] = useState(false)
  const form = useMoneyForm('cash.close', ['countedMinor', 'denominations', 'note'], (closed) => {
    const closing = closed.closing!
    onClosed(t('cash.closed', { counted: format.money(closing.countedMinor), expected: format.money(closing.expectedMinor), result: overShort(closing.overShortMinor) }))
  })
  const count = tally(values, counts)
  const countedMinor = byDenomination ? count.totalMinor : amountOrNull(counted, format.currency)

  const submit = () => {
    setSubmitted(true)
    if (byDenomination) {
      // Each count that is not a whole number is marked on its own line.
      if (count.invalid.length) return form.failLocally({})
      return form.send({ countedMinor: count.totalMinor, denominations: count.counted, note })
    }
    const amount = parseAmount(counted, format.currency)
    if (amount instanceof DecimalParseError) return form.failLocally({ countedMinor: errorMessage(t, amount) })
    form.send({ countedMinor: amount, note })
  }

  return (
    <QuickForm id="drawer-close" title={t('cash.closeTitle')} submitLabel={t('cash.closeSubmit')} busy={form.busy} general={form.errors.general} failures={form.failures} onSubmit={submit} onClose={onClose} initialFocusId="drawer-close-counted">
      {values.length > 0 && (
        <CheckboxField
          id="drawer-close-by-denomination"
          label={t('cash.countByDenomination')}
          checked={byDenomination}
          onChange={(on) => {
            setByDenomination(on)
            form.clear('countedMinor', 'denominations')
          }}
        />
      )}
      {byDenomination ? (
        <DenominationCount
          values={values}
          counts={counts}
          totalMinor={count.totalMinor}
          showInvalid={submitted}
          onChange={(valueMinor, text) => {
            setCounts((current) => ({ ...current, [valueMinor]: text }))
            form.clear('denominations')
          }}
        />
      ) : (
        <AmountField
          id="drawer-close-counted"
          label={t('cash.counted')}
          value={counted}
          onChange={(text) => {
            setCounted(text)
            form.clear('countedMinor')
          }}
          error={form.errors.fields.countedMinor}
        />
      )}
      {form.errors.fields.denominations && <p className="field-error">{form.errors.fields.denominations}</p>}
      <dl className="facts close-preview" aria-live="polite">
        <div>
          <dt>{t('cash.expected')}</dt>
          <dd>{format.money(session.expectedMinor)}</dd>
        </div>
        <div>
          <dt>{t('cash.counted')}</dt>
          <dd>{countedMinor === null ? '' : format.money(countedMinor)}</dd>
        </div>
        <div>
          <dt>{t('cash.overShort')}</dt>
          <dd>{countedMinor === null ? '' : overShort(countedMinor - session.expectedMinor)}</dd>
        </div>
      </dl>
      <Field id="drawer-close-note" label={`${t('cash.note')} ${t('common.optional')}`} error={form.errors.fields.note}>
        {(control) => <input {...control} maxLength={300} autoComplete="off" value={note} onChange={(event) => setNote(event.target.value)} />}
      </Field>
    </QuickForm>
  )
}
