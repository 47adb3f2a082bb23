import { useTranslation } from 'react-i18next'
import { customerKinds, type CustomerKind } from '../../../../shared/tickets'
import { Field } from '../../components/Field'
import type { IntakeDraft } from './intake-draft'
import type { SectionProps } from './section-props'

/** A customer the shop has not met: name, phone, consumer or dealer, optional email. */
export function NewCustomerFields({ draft, update, errors }: SectionProps) {
  const { t } = useTranslation()
  const set = (change: Partial<IntakeDraft['newCustomer']>, field: 'name' | 'phone' | 'email' | 'kind') =>
    update({ newCustomer: { ...draft.newCustomer, ...change } }, `customer.new.${field}`)
  return (
    <div className="form-row">
      <Field id="intake-customer-name" label={t('fields.customerName')} error={errors['customer.new.name']}>
        {(control) => <input {...control} autoComplete="off" maxLength={80} value={draft.newCustomer.name} onChange={(event) => set({ name: event.target.value }, 'name')} />}
      </Field>
      <Field id="intake-customer-phone" label={t('fields.phone')} error={errors['customer.new.phone']}>
        {(control) => <input {...control} type="tel" autoComplete="off" maxLength={40} value={draft.newCustomer.phone} onChange={(event) => set({ phone: event.target.value }, 'phone')} />}
      </Field>
      <Field id="intake-customer-kind" label={t('fields.customerKind')} error={errors['customer.new.kind']}>
        {(control) => (
          <select {...control} value={draft.newCustomer.kind} onChange={(event) => set({ kind: event.target.value as CustomerKind }, 'kind')}>
            {customerKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`customerKind.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="intake-customer-email" label={`${t('fields.email')} ${t('common.optional')}`} error={errors['customer.new.email']}>
        {(control) => <input {...control} type="email" autoComplete="off" maxLength={120} value={draft.newCustomer.email} onChange={(event) => set({ email: event.target.value }, 'email')} />}
      </Field>
    </div>
  )
}
