import { useMutation } from '@tanstack/react-query'
import type { KeyboardEvent, Ref } from 'react'
import { useTranslation } from 'react-i18next'
import type { DeviceHistoryDto } from '../../../../shared/dto/tickets'
import { useClient } from '../../client-context'
import { Field } from '../../components/Field'
import { errorMessage } from '../../errors'
import { useShopFormat } from '../../shop-format'
import { KnownDevice } from './KnownDevice'
import { NewDeviceFields } from './NewDeviceFields'
import type { SectionProps } from './section-props'

interface DeviceSectionProps extends SectionProps {
  scanRef: Ref<HTMLInputElement>
  /** The ledger answered a lookup of `identifier` (device null: not known yet). */
  onLookedUp: (history: DeviceHistoryDto, identifier: string) => void
}

/** (a) The device: one scan field (a barcode scanner types and presses Enter), then known or new. */
export function DeviceSection({ draft, update, errors, scanRef, onLookedUp }: DeviceSectionProps) {
  const { t } = useTranslation()
  const client = useClient()
  const format = useShopFormat()
  const lookup = useMutation({
    mutationFn: (identifier: string) => client.call('devices.history', { identifier }),
    onSuccess: (history, identifier) => onLookedUp(history, identifier),
  })

  const run = () => {
    const identifier = draft.scan.trim()
    if (identifier && !lookup.isPending) lookup.mutate(identifier)
  }

  const onScanKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter' || event.ctrlKey || event.metaKey) return
    event.preventDefault()
    run()
  }

  const onScanChange = (scan: string) => {
    lookup.reset()
    if (draft.device.kind !== 'found') return update({ scan }, 'scan')
    // A different identifier: the device shown (and the owner picked from it) no longer applies.
    const ownerPicked = draft.customer.kind === 'found' && draft.customer.ownerOfDevice
    update({ scan, device: { kind: 'none' }, purchaseDate: '', proofRef: '', ...(ownerPicked ? { customer: { kind: 'search' } } : {}) }, 'scan')
  }

  const scanError = errors.scan ?? (lookup.isError ? errorMessage(t, lookup.error) : undefined)
  return (
    <section aria-labelledby="intake-device-title" className="intake-section">
      <h2 id="intake-device-title">{t('intake.deviceSection')}</h2>
      <div className="inline-action">
        <Field id="intake-scan" label={t('fields.imeiOrSerial')} hint={t('intake.scanHint')} error={scanError}>
          {(control) => (
            <input
              {...control}
              ref={scanRef}
              value={draft.scan}
              onChange={(event) => onScanChange(event.target.value)}
              onKeyDown={onScanKeyDown}
              autoComplete="off"
              spellCheck={false}
              maxLength={40}
            />
          )}
        </Field>
        <button type="button" className="button" onClick={run} aria-busy={lookup.isPending || undefined}>
          {lookup.isPending ? t('intake.lookingUp') : t('intake.lookUp')}
        </button>
      </div>
      {draft.device.kind === 'found' && <KnownDevice device={draft.device.device} tickets={draft.device.tickets} />}
      {draft.device.kind === 'new' && <NewDeviceFields draft={draft} update={update} errors={errors} />}
      {draft.device.kind !== 'none' && (
        <div className="form-row">
          <Field id="intake-purchase-date" label={t('fields.purchaseDate')} error={errors['device.purchaseDate']}>
            {(control) => (
              <input {...control} type="date" max={format.today()} value={draft.purchaseDate} onChange={(event) => update({ purchaseDate: event.target.value }, 'device.purchaseDate')} />
            )}
          </Field>
          <Field id="intake-proof" label={t('fields.proofOfPurchaseRef')} error={errors['device.proofOfPurchaseRef']}>
            {(control) => (
              <input {...control} value={draft.proofRef} maxLength={60} autoComplete="off" onChange={(event) => update({ proofRef: event.target.value }, 'device.proofOfPurchaseRef')} />
            )}
          </Field>
        </div>
      )}
    </section>
  )
}
