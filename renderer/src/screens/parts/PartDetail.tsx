import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PartDetailDto } from '../../../../shared/dto/stock'
import { LoadError, Loading, StatusMessage } from '../../components/Feedback'
import { useFocusOnMount } from '../../components/useFocusOnMount'
import { comparePools, usePoolNames } from '../../pool-names'
import { useShopFormat } from '../../shop-format'
import { Facts } from '../ticket-detail/Facts'
import { MovementHistory } from './MovementHistory'
import { PartForm } from './PartForm'
import { StockActionForm, type StockAction } from './StockActionForm'
import { usePart } from './stock-hooks'

type PartAction = StockAction | 'edit'
const ownerActions: PartAction[] = ['edit', 'adjust', 'transfer', 'scrap']

/** One part: its facts and stock per pool, the owner's corrections, and every movement. */
export function PartDetail({ partId, isOwner, onClose }: { partId: number; isOwner: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const part = usePart(partId)
  const heading = useFocusOnMount<HTMLHeadingElement>()
  return (
    <section id="part-detail" aria-labelledby="part-detail-title" className="work-panel" aria-busy={part.isPending || undefined}>
      <div className="screen-head">
        <h2 id="part-detail-title" ref={heading} tabIndex={-1}>
          {part.data ? t('parts.detailTitle', { sku: part.data.sku, name: part.data.name }) : t('parts.detail')}
        </h2>
        <button type="button" className="button button-small" onClick={onClose}>
          {t('parts.closeDetail')}
        </button>
      </div>
      {part.isPending && <Loading />}
      {part.isError && <LoadError error={part.error} onRetry={() => void part.refetch()} />}
      {part.data && <PartBody part={part.data} isOwner={isOwner} />}
      <MovementHistory partId={partId} />
    </section>
  )
}

function PartBody({ part, isOwner }: { part: PartDetailDto; isOwner: boolean }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const pools = usePoolNames()
  const [open, setOpen] = useState<PartAction | null>(null)
  const [status, setStatus] = useState<string | null>(null)
  const [returnTo, setReturnTo] = useState<PartAction | null>(null)
  const levels = [...part.levels].sort((a, b) => comparePools(pools.label)(a.pool, b.pool))

  useEffect(() => {
    if (open === null && returnTo) document.getElementById(`part-action-${returnTo}`)?.focus()
  }, [open, returnTo])

  const close = () => {
    setReturnTo(open)
    setOpen(null)
  }
  const done = (message: string) => {
    setStatus(message)
    close()
  }

  return (
    <>
      <Facts
        rows={[
          [t('parts.mpn'), part.manufacturerPartNumber],
          [t('parts.bin'), part.binLocation],
          [t('parts.sellPrice'), format.money(part.sellPriceMinor)],
          [t('parts.averageCost'), format.money(part.averageCostMinor)],
          [t('parts.reorderPoint'), String(part.reorderPoint)],
          [t('parts.serialized'), part.serialized ? t('common.yes') : t('common.no')],
          [t('parts.state'), [part.active ? t('parts.active') : t('parts.inactive'), part.low ? t('parts.low') : ''].filter(Boolean).join(t('common.listSeparator'))],
          [t('parts.onHand'), levels.map((level) => t('parts.levelText', { pool: pools.label(level.pool), onHand: level.onHand })).join('\n') || t('parts.noStock')],
          [t('parts.models'), part.models.map((m) => `${m.manufacturerName} ${m.marketingName} (${m.modelCode})`).join('\n') || t('parts.anyModel')],
        ]}
      />
      {isOwner && (
        <div role="group" aria-label={t('parts.ownerActions')} className="form-actions">
          {ownerActions.map((action) => (
            <button
              key={action}
              type="button"
              id={`part-action-${action}`}
              className="button"
              aria-expanded={open === action}
              onClick={() => {
                setStatus(null)
                setOpen(action)
              }}
            >
              {t(`parts.action.${action}`)}
            </button>
          ))}
        </div>
      )}
      <StatusMessage message={status} />
      {open === 'edit' && <PartForm part={part} onClose={close} onSaved={(saved) => done(t('parts.updated', { sku: saved.sku }))} />}
      {open && open !== 'edit' && <StockActionForm key={open} action={open} part={part} onClose={close} onDone={(message) => done(message)} />}
    </>
  )
}
