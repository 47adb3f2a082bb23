import { useTranslation } from 'react-i18next'
import type { ManufacturerDto } from '../../../../../shared/dto/catalog'
import { LoadError, Loading } from '../../../components/Feedback'
import { SettingsGate } from '../../../components/SettingsGate'
import { ManufacturerSettingsSection } from '../ManufacturerSettingsSection'
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
  const text = { title: t('claimRules.title'), intro: t('claimRules.intro'), readOnlyNote: t('claimRules.readOnlyNote'), noManufacturers: t('claimRules.noManufacturers'), manufacturer: t('claimRules.manufacturer') }
  return (
    <ManufacturerSettingsSection ids={{ title: 'claim-rules-section-title', picker: 'claim-rules-manufacturer' }} text={text} isOwner={isOwner}>
      {(maker) => <ManufacturerRules manufacturer={maker} isOwner={isOwner} />}
    </ManufacturerSettingsSection>
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
