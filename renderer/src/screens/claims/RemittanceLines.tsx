import { useTranslation } from 'react-i18next'
import type { RemittanceDto } from '../../../../shared/dto/claim-outcomes'
import { useShopFormat } from '../../shop-format'

/** A remittance's lines: claimed, approved, paid before, this payment, paid after and the difference (short-paid in words). */
export function RemittanceLines({ remittance, caption }: { remittance: RemittanceDto; caption: string }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const difference = (minor: number) =>
    minor === 0 ? t('claimsScreen.remittance.even') : minor < 0 ? t('claimsScreen.remittance.short', { amount: format.money(-minor) }) : t('claimsScreen.remittance.over', { amount: format.money(minor) })
  return (
    <div className="table-scroll">
      <table className="table table-compact remittance-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('claimsScreen.claim')}</th>
            <th scope="col" className="num">
              {t('claimsScreen.remittance.claimed')}
            </th>
            <th scope="col" className="num">
              {t('claimsScreen.remittance.approved')}
            </th>
            <th scope="col" className="num">
              {t('claimsScreen.remittance.paidBefore')}
            </th>
            <th scope="col" className="num">
              {t('claimsScreen.remittance.amount')}
            </th>
            <th scope="col" className="num">
              {t('claimsScreen.remittance.paidAfter')}
            </th>
            <th scope="col">{t('claimsScreen.remittance.difference')}</th>
          </tr>
        </thead>
        <tbody>
          {remittance.lines.map((line) => (
            <tr key={line.claimId} className={line.differenceMinor < 0 ? 'row-short' : undefined}>
              <th scope="row" className="mono nowrap">
                {line.claimNumber}
                {line.revision > 1 && <span className="muted"> {t('claimsScreen.revisionShort', { revision: line.revision })}</span>}
              </th>
              <td className="num">{format.money(line.claimedMinor)}</td>
              <td className="num">{line.approvedMinor === null ? t('claimsScreen.remittance.notApproved') : format.money(line.approvedMinor)}</td>
              <td className="num">{format.money(line.paidBeforeMinor)}</td>
              <td className="num">{format.money(line.amountMinor)}</td>
              <td className="num">{format.money(line.paidAfterMinor)}</td>
              <td className={line.differenceMinor < 0 ? 'remittance-short' : undefined}>{difference(line.differenceMinor)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="total-row">
            <th scope="row">{t('claimsScreen.remittance.totals')}</th>
            <td className="num">{format.money(remittance.claimedMinor)}</td>
            <td className="num">{t('claimsScreen.remittance.expected', { amount: format.money(remittance.expectedMinor) })}</td>
            <td />
            <td className="num">{format.money(remittance.totalMinor)}</td>
            <td />
            <td className={remittance.differenceMinor < 0 ? 'remittance-short' : undefined}>{difference(remittance.differenceMinor)}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  )
}
