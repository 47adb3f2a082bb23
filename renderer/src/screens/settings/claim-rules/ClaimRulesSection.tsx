import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ManufacturerDto } from '../../../../../shared/dto/catalog'
import { useClient } from '../../../client-context'
import { LoadError, Loading } from '../../../components/Feedback'
import { Field } from '../../../components/Field'
import { SettingsGate } from '../../../components/SettingsGate'
import { queryKeys } from '../../../query'
import { useClaimRules } from './claim-rules-query'
import { ClaimRulesForm } from './ClaimRulesForm'
import { ClaimRulesView } from './ClaimRulesView'

/**
 * Settings → manufacturer claim rules: labour per tier, parts markup, deadlines, required fields,
 * the claim-file layout and the online endpoint, one manufacturer at a time. An owner edits; a
 * technician reads (the claims screen explains amounts with the same rules).
 */
export function ClaimRulesSection({ isOwner }: { isOwner: boolean }) {
  const { t } = useTranslation()
  const client = useClient()
  const makers = useQuery({ queryKey: queryKeys.manufacturerList(true), queryFn: () => client.call('manufacturers.list', { includeInactive: true }) })
  const [pickedId, setPickedId] = useState<number | null>(null)
  const maker = makers.data?.find((m) => m.id === pickedId) ?? makers.data?.[0]
  return (
    <section aria-labelledby="claim-rules-section-title" aria-busy={makers.isPending || undefined}>
      <h2 id="claim-rules-section-title">{t('claimRules.title')}</h2>
      <p className="meta">{t('claimRules.intro')}</p>
      {!isOwner && <p className="note">{t('claimRules.readOnlyNote')}</p>}
      {makers.isPending && <Loading />}
      {makers.isError && <LoadError error={makers.error} onRetry={() => void makers.refetch()} />}
      {makers.data?.length === 0 && <p className="empty-state">{t('claimRules.noManufacturers')}</p>}
      {makers.data && maker && (
        <>
          <Field id="claim-rules-manufacturer" label={t('claimRules.manufacturer')}>
            {(control) => (
              <select {...control} className="select-narrow" value={String(maker.id)} onChange={(event) => setPickedId(Number(event.target.value))}>
                {makers.data.map((m) => (
                  <option key={m.id} value={String(m.id)}>
                    {m.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <ManufacturerRules key={maker.id} manufacturer={maker} isOwner={isOwner} />
        </>
      )}
    </section>
  )
}

function ManufacturerRules({ manufacturer, isOwner }: { manufacturer: ManufacturerDto; isOwner: boolean }) {
  const rules = useClaimRules(manufacturer.id)
  return (
    <div aria-busy={rules.isPending || undefined}>
      {rules.isPending && <Loading />}
      {rules.isError && <LoadError error={rules.error} onRetry={() => void rules.refetch()} />}
      {rules.data && (
        // Amounts are typed and shown in the shop's currency: wait for the settings.
        <SettingsGate>
          {() => (isOwner ? <ClaimRulesForm manufacturer={manufacturer} rules={rules.data} /> : <ClaimRulesView manufacturer={manufacturer} rules={rules.data} />)}
        </SettingsGate>
      )}
    </div>
  )
}
