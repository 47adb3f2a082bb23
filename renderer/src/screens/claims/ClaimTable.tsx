import { useTranslation } from 'react-i18next'
import type { ClaimSummaryDto } from '../../../../shared/dto/claims'
import { ticketHref } from '../../routes'
import { useShopFormat } from '../../shop-format'
import { useClaimText } from './claim-text'
import { ProblemList } from './ProblemList'

/** Claims as rows: who and what, the money claimed / approved / paid, the status, and its problems inline. */
export function ClaimTable({ claims, selectedId, onOpen }: { claims: ClaimSummaryDto[]; selectedId: number | null; onOpen: (id: number) => void }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const text = useClaimText()
  return (
    <div className="table-scroll">
      <table className="table table-compact claims-table">
        <caption className="visually-hidden">{t('claimsScreen.list.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('claimsScreen.claim')}</th>
            <th scope="col">{t('claimsScreen.device')}</th>
            <th scope="col">{t('claimsScreen.customer')}</th>
            <th scope="col">{t('claimsScreen.dates')}</th>
            <th scope="col">{t('claimsScreen.status')}</th>
            <th scope="col" className="num">
              {t('claimsScreen.amount')}
            </th>
            <th scope="col">{t('claimsScreen.problems')}</th>
            <th scope="col">{t('claimsScreen.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {claims.map((claim) => (
            <tr key={claim.id} className={claim.id === selectedId ? 'row-selected' : undefined}>
              <th scope="row" className="nowrap">
                <span className="mono">{claim.number}</span>
                {claim.revision > 1 && <span className="muted"> {t('claimsScreen.revisionShort', { revision: claim.revision })}</span>}
                <div className="muted">
                  <a href={ticketHref(claim.ticket.id)}>{claim.ticket.number}</a>
                </div>
              </th>
              <td>
                {claim.manufacturer.name} {claim.modelName}
                <div className="mono muted">{claim.imei ?? claim.serial ?? ''}</div>
              </td>
              <td>{claim.customerName}</td>
              <td className="nowrap">
                {t('claimsScreen.completedOn', { date: format.date(claim.completedDate) })}
                <div className="muted">{t('claimsScreen.deadlineOn', { date: format.date(claim.deadline) })}</div>
              </td>
              <td>
                <span className="tag tag-first">{text.status(claim.status)}</span>
                {claim.batch && <div className="muted mono">{claim.batch.number}</div>}
              </td>
              <td className="num nowrap">
                {format.money(claim.totalMinor)}
                {claim.approvedMinor !== null && claim.approvedMinor !== undefined && <div className="muted">{t('claimsScreen.approvedShort', { amount: format.money(claim.approvedMinor) })}</div>}
                {claim.paidMinor > 0 && <div className="muted">{t('claimsScreen.paidShort', { amount: format.money(claim.paidMinor) })}</div>}
              </td>
              <td>
                <ProblemList problems={claim.problems} />
                {claim.rejectionReason && <p className="claim-rejection">{t('claimsScreen.rejectedBecause', { reason: claim.rejectionReason })}</p>}
              </td>
              <td>
                <button
                  type="button"
                  id={`claim-open-${claim.id}`}
                  className="button button-small"
                  aria-label={t('claimsScreen.openLabel', { claim: claim.number })}
                  aria-expanded={claim.id === selectedId}
                  aria-controls={claim.id === selectedId ? 'claim-detail' : undefined}
                  onClick={() => onOpen(claim.id)}
                >
                  {t('claimsScreen.open')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
