import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CashSessionDto } from '../../../../shared/dto/payments'
import { DecimalParseError } from '../../../../shared/money'
import { Field } from '../../components/Field'
import { errorMessage } from '../../errors'
import { useShopFormat } from '../../shop-format'
import { parseAmount } from './amount-text'
import { AmountField } from './MoneyFields'
import { useMoneyForm } from './payment-hooks'
import { QuickForm } from './QuickForm'

/** Opens the drawer with its float (the change left in it); cash can be taken only once it is open. */
export function OpenDrawerForm({ lastClosed, onOpened }: { lastClosed: CashSessionDto | null; onOpened: (message: string) => void }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const [float, setFloat] = useState('')
  const [note, setNote] = useState('')
  const form = useMoneyForm('cash.open', ['floatMinor', 'note'], (session) => onOpened(t('cash.opened', { float: format.money(session.floatMinor) })))
  const lastCounted = lastClosed?.closing?.countedMinor

  const submit = () => {
    const floatMinor = parseAmount(float, format.currency)
    if (floatMinor instanceof DecimalParseError) return form.failLocally({ floatMinor: errorMessage(t, floatMinor) })
    form.send({ floatMinor, note })
  }

  return (
    <QuickForm id="drawer-open" title={t('cash.openTitle')} submitLabel={t('cash.openSubmit')} busy={form.busy} general={form.errors.general} failures={form.failures} onSubmit={submit} autoFocus={false}>
      <div className="form-row">
        <AmountField
          id="drawer-open-float"
          label={t('cash.float')}
          hint={lastCounted !== undefined ? t('cash.floatHintLast', { counted: format.money(lastCounted) }) : t('cash.floatHint')}
          value={float}
          onChange={(text) => {
            setFloat(text)
            form.clear('floatMinor')
          }}
          error={form.errors.fields.floatMinor}
        />
        <Field id="drawer-open-note" label={`${t('cash.note')} ${t('common.optional')}`} error={form.errors.fields.note}>
          {(control) => <input {...control} maxLength={300} autoComplete="off" value={note} onChange={(event) => setNote(event.target.value)} />}
        </Field>
      </div>
    </QuickForm>
  )
}
