import { useTranslation } from 'react-i18next'
import { paymentMethods, type PaymentMethod } from '../../../../shared/payments'
import { Field } from '../../components/Field'
import { RadioGroup } from '../../components/RadioGroup'
import { routeHref } from '../../routes'
import { useShopFormat } from '../../shop-format'
import { amountOrNull } from './amount-text'
import { useCashStatus } from './payment-hooks'

// The fields every money form shares: an amount typed in the shop's currency, the method, and for
// cash the amount handed over with the change worked out as it is typed.

interface AmountFieldProps {
  id: string
  label: string
  value: string
  onChange: (text: string) => void
  error?: string | undefined
  hint?: string | undefined
}

export function AmountField({ id, label, value, onChange, error, hint }: AmountFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error}>
      {(control) => <input {...control} className="amount-input" inputMode="decimal" autoComplete="off" maxLength={16} value={value} onChange={(event) => onChange(event.target.value)} />}
    </Field>
  )
}

export function MethodField({ id, value, onChange, error }: { id: string; value: PaymentMethod; onChange: (method: PaymentMethod) => void; error?: string | undefined }) {
  const { t } = useTranslation()
  return (
    <RadioGroup id={id} legend={t('payments.form.method')} options={paymentMethods} labelOf={(method) => t(`payments.method.${method}`)} value={value} onChange={onChange} error={error}>
      {value === 'cash' && <DrawerClosedNote />}
    </RadioGroup>
  )
}

/** Cash goes through the drawer, which the ledger refuses while it is closed: say so before the refusal. */
function DrawerClosedNote() {
  const { t } = useTranslation()
  const status = useCashStatus()
  if (!status.data || status.data.open) return null
  return (
    <p className="field-hint">
      {t('payments.form.drawerClosed')} <a href={routeHref('payments')}>{t('payments.form.openDrawerLink')}</a>
    </p>
  )
}

interface TenderedFieldProps {
  id: string
  /** The amount being taken (typed text), to work the change out from. */
  amount: string
  value: string
  onChange: (text: string) => void
  error?: string | undefined
}

/** Cash handed over (optional): the change to give back, live, or that it is too little. */
export function TenderedField({ id, amount, value, onChange, error }: TenderedFieldProps) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const owed = amountOrNull(amount, format.currency)
  const handed = amountOrNull(value, format.currency)
  const change = owed !== null && handed !== null ? handed - owed : null
  return (
    <div className="tendered">
      <AmountField id={id} label={`${t('payments.form.tendered')} ${t('common.optional')}`} hint={t('payments.form.tenderedHint')} value={value} onChange={onChange} error={error} />
      <p className={change !== null && change < 0 ? 'change-due change-short' : 'change-due'} role="status" aria-live="polite">
        {change === null ? '' : change >= 0 ? t('payments.form.change', { change: format.money(change) }) : t('payments.form.tenderedShort', { short: format.money(-change) })}
      </p>
    </div>
  )
}
