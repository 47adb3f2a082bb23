import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ManufacturerDto } from '../../../../../shared/dto/catalog'
import type { FaultCodeDto } from '../../../../../shared/dto/workflow'
import { faultCodeKinds } from '../../../../../shared/repair'
import { useClient } from '../../../client-context'
import { ErrorAlert, LoadError, Loading, StatusMessage } from '../../../components/Feedback'
import { errorMessage } from '../../../errors'
import { useFaultCodes } from '../../../hooks'
import { queryKeys } from '../../../query'
import { ManufacturerSettingsSection } from '../ManufacturerSettingsSection'
import { FaultCodeForm } from './FaultCodeForm'
import { FaultCodeTable } from './FaultCodeTable'

/** Settings → fault codes: each manufacturer's IRIS-style lists by kind; an owner adds, edits and deactivates. */
export function FaultCodesSection({ isOwner }: { isOwner: boolean }) {
  const { t } = useTranslation()
  const text = { title: t('faultCodeSettings.title'), intro: t('faultCodeSettings.intro'), readOnlyNote: t('faultCodeSettings.readOnlyNote'), noManufacturers: t('faultCodeSettings.noManufacturers'), manufacturer: t('faultCodeSettings.manufacturer') }
  return (
    <ManufacturerSettingsSection ids={{ title: 'fault-codes-title', picker: 'fault-codes-manufacturer' }} text={text} isOwner={isOwner}>
      {(maker) => <ManufacturerCodes manufacturer={maker} isOwner={isOwner} />}
    </ManufacturerSettingsSection>
  )
}

function ManufacturerCodes({ manufacturer, isOwner }: { manufacturer: ManufacturerDto; isOwner: boolean }) {
  const { t } = useTranslation()
  const client = useClient()
  const queryClient = useQueryClient()
  const codes = useFaultCodes(manufacturer.id, true)
  const [editingId, setEditingId] = useState<number | null>(null)
  const editing = codes.data?.find((c) => c.id === editingId)
  const toggle = useMutation({
    mutationFn: (code: FaultCodeDto) =>
      client.call('faultCodes.upsert', { manufacturerId: manufacturer.id, kind: code.kind, code: code.code, description: code.description, active: !code.active }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.faultCodes }),
  })
  const closeEditor = () => {
    document.getElementById(`fault-code-edit-${editingId}`)?.focus()
    setEditingId(null)
  }
  return (
    <div aria-busy={codes.isPending || undefined}>
      {codes.isPending && <Loading />}
      {codes.isError && <LoadError error={codes.error} onRetry={() => void codes.refetch()} />}
      {toggle.isError && <ErrorAlert message={errorMessage(t, toggle.error)} />}
      {toggle.isSuccess && <StatusMessage message={t('faultCodeSettings.added', { code: toggle.data.code })} />}
      {codes.data &&
        faultCodeKinds.map((kind) => (
          <FaultCodeTable
            key={kind}
            kind={kind}
            manufacturer={manufacturer}
            codes={codes.data.filter((c) => c.kind === kind)}
            isOwner={isOwner}
            onEdit={setEditingId}
            onToggle={(code) => toggle.mutate(code)}
          />
        ))}
      {isOwner && editing && <FaultCodeForm key={editing.id} manufacturer={manufacturer} code={editing} onClose={closeEditor} />}
      {isOwner && <FaultCodeForm manufacturer={manufacturer} />}
    </div>
  )
}
