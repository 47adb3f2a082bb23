import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useClient } from '../../client-context'
import { CheckboxField } from '../../components/Field'
import { LoadError, Loading, StatusMessage } from '../../components/Feedback'
import { queryKeys } from '../../query'
import { RmaManufacturer } from './RmaManufacturer'
import { RmaShipments } from './RmaShipments'

/** Defective parts owed back to each manufacturer (the most overdue first), and shipping them. */
export function RmaView() {
  const { t } = useTranslation()
  const client = useClient()
  const [includeShipped, setIncludeShipped] = useState(false)
  const [status, setStatus] = useState<string | null>(null)
  const list = useQuery({ queryKey: queryKeys.rmaList(includeShipped), queryFn: () => client.call('rma.list', { includeShipped }) })
  return (
    <section aria-labelledby="rma-title" aria-busy={list.isFetching || undefined}>
      <h2 id="rma-title">{t('rma.title')}</h2>
      <p className="field-hint">{t('rma.hint')}</p>
      <CheckboxField id="rma-shipped" label={t('rma.showShipments')} checked={includeShipped} onChange={setIncludeShipped} />
      <StatusMessage message={status} />
      {list.isPending && <Loading />}
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data?.owed.length === 0 && <p className="empty-state">{t('rma.nothingOwed')}</p>}
      {list.data?.owed.map((group) => <RmaManufacturer key={group.manufacturer.id} group={group} onShipped={setStatus} />)}
      {includeShipped && list.data && <RmaShipments shipments={list.data.shipments} />}
    </section>
  )
}
