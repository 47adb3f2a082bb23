import { useTranslation } from 'react-i18next'
import { Field } from '../../components/Field'
import { useShopFormat } from '../../shop-format'
import { AmountField, MethodField, TenderedField } from '../payments/MoneyFields'
import type { DepositDraft } from './deposit-draft'
import { takesDeposit } from './intake-draft'
import type { SectionProps } from './section-props'

/**
 * (f) An optional deposit for paid work, taken with the device: amount, method, and for cash what
 * was handed over with the change. Warranty work costs the customer nothing, so it says so instead.
 */
export function DepositSection({ draft, update, errors, isOwner }: SectionProps & { isOwner: boolean }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const { deposit } = draft
  const set = (patch: Partial<DepositDraft>, ...fixing: Parameters<SectionProps['update']>[1][]) => update({ deposit: { ...deposit, ...patch } }, ...fixing)
  return (
    <section aria-labelledby="intake-deposit-title" className="intake-section">
      <h2 id="intake-deposit-title">{t('payments.deposit.title')}</h2>
      {takesDeposit(draft, isOwner, format.today()) ? (
        <>
          <AmountField
            id="intake-deposit-amount"
            label={`${t('payments.deposit.amount')} ${t('common.optional')}`}
            hint={t('payments.deposit.hint')}
            value={deposit.amount}
            onChange={(amount) => set({ amount }, 'deposit.amountMinor', 'deposit.tenderedMinor')}
            error={errors['deposit.amountMinor']}
          />
          {deposit.amount.trim() && (
            <>
              <MethodField id="intake-deposit-method" value={deposit.method} onChange={(method) => set({ method }, 'deposit.method', 'deposit.tenderedMinor')} error={errors['deposit.method']} />
              {deposit.method === 'cash' && (
                <TenderedField id="intake-deposit-tendered" amount={deposit.amount} value={deposit.tendered} onChange={(tendered) => set({ tendered }, 'deposit.tenderedMinor')} error={errors['deposit.tenderedMinor']} />
              )}
              <Field id="intake-deposit-reference" label={`${t('payments.form.reference')} ${t('common.optional')}`} hint={t('payments.form.referenceHint')} error={errors['deposit.reference']}>
                {(control) => <input {...control} maxLength={80} autoComplete="off" value={deposit.reference} onChange={(event) => set({ reference: event.target.value }, 'deposit.reference')} />}
              </Field>
            </>
          )}
        </>
      ) : (
        <p className="note">{t('payments.deposit.warranty')}</p>
      )}
    </section>
  )
}
