import { useTranslation } from 'react-i18next'
import type { BatchClaimDto } from '../../../../shared/dto/claim-batches'
import { useShopFormat } from '../../shop-format'
import { useClaimText } from './claim-text'

/** The claims of a batch as frozen (revision and amounts), with where each stands now. */
export function BatchClaims({ claims, onOpenClaim }: { claims: BatchClaimDto[]; onOpenClaim: (claimId: number) => void }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const text = useClaimText()
  return (
    <section aria-labelledby="batch-claims-title">
      <h3 id="batch-claims-title">{t('claimsScreen.batch.claimsTitle')}</h3>
      <div className="table-scroll">
        <table className="table table-compact">
          <caption className="visually-hidden">{t('claimsScreen.batch.claimsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('claimsScreen.claim')}</th>
              <th scope="col" className="num">
                {t('claimsScreen.history.revision')}
              </th>
              <th scope="col">{t('claimsScreen.status')}</th>
              <th scope="col" className="num">
                {t('claimsScreen.detail.labour')}
              </th>
              <th scope="col" className="num">
                {t('claimsScreen.detail.parts')}
              </th>
              <th scope="col" className="num">
                {t('claimsScreen.detail.total')}
              </th>
              <th scope="col">{t('claimsScreen.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {claims.map((claim) => (
              <tr key={claim.claimId}>
                <th scope="row" className="mono nowrap">
                  {claim.number}
                </th>
                <td className="num">{claim.revision}</td>
                <td>{text.status(claim.status)}</td>
                <td className="num">{format.money(claim.labourMinor)}</td>
                <td className="num">{format.money(claim.partsMinor)}</td>
                <td className="num">{format.money(claim.totalMinor)}</td>
                <td>
                  <button type="button" className="button button-small" aria-label={t('claimsScreen.openLabel', { claim: claim.number })} onClick={() => onOpenClaim(claim.claimId)}>
                    {t('claimsScreen.open')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
