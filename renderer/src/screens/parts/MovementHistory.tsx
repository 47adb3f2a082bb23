import { useInfiniteQuery } from '@tanstack/react-query'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { StockMovementDto } from '../../../../shared/dto/stock'
import { useClient } from '../../client-context'
import { LoadError, Loading } from '../../components/Feedback'
import { usePoolNames } from '../../pool-names'
import { queryKeys } from '../../query'
import { ticketHref } from '../../routes'
import { useShopFormat } from '../../shop-format'

const pageSize = 50

/** A part's movements, newest first, a page at a time ("load older" continues before the last one shown). */
export function MovementHistory({ partId }: { partId: number }) {
  const { t } = useTranslation()
  const client = useClient()
  const history = useInfiniteQuery({
    queryKey: queryKeys.movements(partId),
    queryFn: ({ pageParam }) => client.call('stock.movements', { partId, limit: pageSize, ...(pageParam !== undefined ? { beforeId: pageParam } : {}) }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (page) => page.nextBeforeId ?? undefined,
  })
  const movements = history.data?.pages.flatMap((page) => page.movements) ?? []
  return (
    <div aria-busy={history.isFetching || undefined}>
      <h3 id="part-history-title">{t('parts.history')}</h3>
      {history.isPending && <Loading />}
      {history.isError && <LoadError error={history.error} onRetry={() => void history.refetch()} />}
      {history.isSuccess && movements.length === 0 && <p className="empty-state">{t('parts.noMovements')}</p>}
      {movements.length > 0 && (
        <>
          <MovementTable movements={movements} />
          <div className="form-actions">
            {history.hasNextPage && (
              <button type="button" className="button" onClick={() => void history.fetchNextPage()} aria-busy={history.isFetchingNextPage || undefined}>
                {history.isFetchingNextPage ? t('common.loading') : t('parts.loadOlder')}
              </button>
            )}
            <p role="status" className="muted">
              {t('parts.movementsShown', { total: movements.length })}
            </p>
          </div>
        </>
      )}
    </div>
  )
}

function MovementTable({ movements }: { movements: StockMovementDto[] }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const pools = usePoolNames()
  const signed = (quantity: number) => (quantity > 0 ? `+${quantity}` : `−${Math.abs(quantity)}`)
  return (
    <div className="table-scroll">
      <table className="table table-compact">
        <caption className="visually-hidden">{t('parts.history')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('parts.when')}</th>
            <th scope="col">{t('parts.kind')}</th>
            <th scope="col">{t('parts.pool')}</th>
            <th scope="col" className="num">
              {t('parts.quantity')}
            </th>
            <th scope="col" className="num">
              {t('parts.balanceAfter')}
            </th>
            <th scope="col">{t('parts.ticket')}</th>
            <th scope="col">{t('parts.staff')}</th>
            <th scope="col">{t('parts.details')}</th>
          </tr>
        </thead>
        <tbody>
          {movements.map((m) => (
            <tr key={m.id}>
              <td className="nowrap">{format.instant(m.atMs)}</td>
              <th scope="row">{t(`stock.kind.${m.kind}`)}</th>
              <td>{pools.label(m.pool)}</td>
              <td className="num">{signed(m.quantity)}</td>
              <td className="num">{m.balanceAfter}</td>
              <td className="nowrap">{m.ticket && <a href={ticketHref(m.ticket.id)}>{m.ticket.number}</a>}</td>
              <td>{m.staffName}</td>
              <td>{movementDetails(t, format.money, m)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** Supplier, delivery note, reason, serials and cost of one movement, as one line of text. */
function movementDetails(t: TFunction, money: (minor: number) => string, m: StockMovementDto): string {
  return [
    m.supplier && t('parts.supplierText', { supplier: m.supplier }),
    m.reference && t('parts.referenceText', { reference: m.reference }),
    m.reason,
    m.unitCostMinor !== null && t('parts.unitCostText', { cost: money(m.unitCostMinor) }),
    m.serial && t('parts.serialText', { serial: m.serial }),
    m.oldSerial && t('parts.oldSerialText', { serial: m.oldSerial }),
  ]
    .filter(Boolean)
    .join(' · ')
}
