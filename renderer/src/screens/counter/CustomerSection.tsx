import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { CustomerDto } from '../../../../shared/dto/catalog'
import { useClient } from '../../client-context'
import { Combobox } from '../../components/Combobox'
import { useDebouncedValue } from '../../components/useDebouncedValue'
import { queryKeys } from '../../query'
import { NewCustomerFields } from './NewCustomerFields'
import type { SectionProps } from './section-props'

interface CustomerSectionProps extends SectionProps {
  /** Moves focus to a field by id once the switch has rendered it. */
  focusSoon: (id: string) => void
}

/** (b) The customer: found by name or phone as you type, or entered new. */
export function CustomerSection({ draft, update, errors, focusSoon }: CustomerSectionProps) {
  const { t } = useTranslation()

  const startNew = () => {
    // Whatever was typed into the search is most likely the new customer's phone or name.
    const typed = draft.customerQuery.trim()
    const looksLikePhone = /^\+?[\d\s\-().]{3,}$/.test(typed)
    const newCustomer = { ...draft.newCustomer, ...(typed ? (looksLikePhone ? { phone: typed } : { name: typed }) : {}) }
    update({ customer: { kind: 'new' }, newCustomer }, 'customer')
    focusSoon(looksLikePhone || !typed ? 'intake-customer-name' : 'intake-customer-phone')
  }

  const search = () => {
    update({ customer: { kind: 'search' } }, 'customer', 'customer.new.name', 'customer.new.phone', 'customer.new.email')
    focusSoon('intake-customer-search')
  }

  return (
    <section aria-labelledby="intake-customer-title" className="intake-section">
      <h2 id="intake-customer-title">{t('intake.customerSection')}</h2>
      {draft.customer.kind === 'found' && <ChosenCustomer customer={draft.customer.customer} ownerOfDevice={draft.customer.ownerOfDevice} onChange={search} />}
      {draft.customer.kind === 'search' && (
        <div className="inline-action">
          <CustomerSearch draft={draft} update={update} errors={errors} focusSoon={focusSoon} />
          <button type="button" className="button" onClick={startNew}>
            {t('intake.newCustomer')}
          </button>
        </div>
      )}
      {draft.customer.kind === 'new' && (
        <>
          <NewCustomerFields draft={draft} update={update} errors={errors} />
          <button type="button" className="button button-small" onClick={search}>
            {t('intake.findCustomer')}
          </button>
        </>
      )}
    </section>
  )
}

function CustomerSearch({ draft, update, errors, focusSoon }: CustomerSectionProps) {
  const { t } = useTranslation()
  const client = useClient()
  const query = useDebouncedValue(draft.customerQuery.trim())
  const customers = useQuery({
    queryKey: queryKeys.customerSearch(query),
    queryFn: () => client.call('customers.search', { query, limit: 8 }),
    enabled: query !== '',
    placeholderData: keepPreviousData,
  })
  const options = draft.customerQuery.trim() ? (customers.data ?? []) : []
  return (
    <Combobox
      id="intake-customer-search"
      label={t('fields.customerSearch')}
      hint={t('intake.customerHint')}
      error={errors.customer ?? (customers.isError ? t('errors.internal') : undefined)}
      value={draft.customerQuery}
      onValueChange={(customerQuery) => update({ customerQuery }, 'customer')}
      options={options}
      optionKey={(customer) => customer.id}
      renderOption={(customer) => (
        <>
          <span className="option-main">{customer.name}</span>
          <span className="option-meta">
            {customer.phone} · {t(`customerKind.${customer.kind}`)}
          </span>
        </>
      )}
      onPick={(customer) => {
        update({ customer: { kind: 'found', customer, ownerOfDevice: false } }, 'customer')
        focusSoon('intake-fault')
      }}
      busy={customers.isFetching || query !== draft.customerQuery.trim()}
      emptyText={t('intake.noCustomers')}
    />
  )
}

function ChosenCustomer({ customer, ownerOfDevice, onChange }: { customer: CustomerDto; ownerOfDevice: boolean; onChange: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="found-card found-card-row">
      <div>
        <p className="found-card-title">
          {customer.name} {ownerOfDevice && <span className="tag">{t('intake.ownerOfDevice')}</span>}
        </p>
        <p className="muted">
          {customer.phone} · {t(`customerKind.${customer.kind}`)}
          {customer.email ? ` · ${customer.email}` : ''}
        </p>
      </div>
      <button type="button" id="intake-customer-change" className="button button-small" aria-label={`${t('common.change')}: ${customer.name}`} onClick={onChange}>
        {t('common.change')}
      </button>
    </div>
  )
}
