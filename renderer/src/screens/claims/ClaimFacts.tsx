import { useTranslation } from 'react-i18next'
import type { ClaimDetailDto } from '../../../../shared/dto/claims'
import { faultCodeKinds } from '../../../../shared/repair'
import { ticketHref } from '../../routes'
import { useShopFormat } from '../../shop-format'
import { Facts } from '../ticket-detail/Facts'
import { useClaimText } from './claim-text'

/** What the claim says: device, purchase, customer, dates, repair, and the money claimed, approved and paid. */
export function ClaimFacts({ claim }: { claim: ClaimDetailDto }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const text = useClaimText()
  const money = (minor: number | null | undefined) => (minor === null || minor === undefined ? '' : format.money(minor))
  return (
    <>
      <p className="meta">
        {t('claimsScreen.detail.ticket')} <a href={ticketHref(claim.ticket.id)}>{claim.ticket.number}</a>
        {claim.repeatOf && (
          <span className="tag tag-warning">
            {t('claimsScreen.detail.repeatOf', { ticket: claim.repeatOf.ticketNumber, date: format.date(claim.repeatOf.collectedDate) })}
          </span>
        )}
      </p>
      <div className="detail-grid claim-facts">
        <Facts
          rows={[
            [t('claimsScreen.status'), text.status(claim.status)],
            [t('claimsScreen.detail.revision'), String(claim.revision)],
            [t('claimsScreen.manufacturer'), claim.manufacturer.name],
            [t('claimsScreen.field.model'), claim.model.name],
            [t('claimsScreen.field.imei'), claim.imei ?? ''],
            [t('claimsScreen.field.serial'), claim.serial ?? ''],
            [t('claimsScreen.field.purchaseDate'), format.date(claim.purchaseDate)],
            [t('claimsScreen.field.proofOfPurchaseRef'), claim.proofOfPurchaseRef],
            [t('claimsScreen.field.customerName'), claim.customerName],
            [t('claimsScreen.field.customerPhone'), claim.customerPhone],
          ]}
        />
        <Facts
          rows={[
            [t('claimsScreen.field.receivedDate'), format.date(claim.receivedDate)],
            [t('claimsScreen.field.repairStartedDate'), format.date(claim.repairStartedDate)],
            [t('claimsScreen.field.completedDate'), format.date(claim.completedDate)],
            [t('claimsScreen.detail.deadline'), format.date(claim.deadline)],
            [t('claimsScreen.detail.faultCodes'), faultCodeKinds.map((kind) => (claim.faultCodes[kind] ? `${t(`repair.faultCodeKind.${kind}`)}: ${claim.faultCodes[kind]}` : '')).filter(Boolean).join('\n')],
            [t('claimsScreen.field.repairTier'), t(`repair.tier.${claim.repairTier}`)],
            [t('claimsScreen.field.technician'), claim.technician.name],
          ]}
        />
        <Facts
          rows={[
            [t('claimsScreen.detail.labour'), money(claim.labourMinor)],
            [t('claimsScreen.detail.parts'), money(claim.partsMinor)],
            [t('claimsScreen.detail.total'), money(claim.totalMinor)],
            [t('claimsScreen.detail.approved'), money(claim.approvedMinor)],
            [t('claimsScreen.detail.paid'), claim.paidMinor ? money(claim.paidMinor) : ''],
            [t('claimsScreen.detail.manufacturerRef'), claim.manufacturerRef ?? ''],
            [t('claimsScreen.detail.rejectionReason'), claim.rejectionReason ?? ''],
            [t('claimsScreen.detail.batch'), claim.batch?.number ?? ''],
          ]}
        />
      </div>
    </>
  )
}
