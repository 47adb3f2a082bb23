import { useTranslation } from 'react-i18next'
import type { BatchReturnPartDto } from '../../../../shared/dto/claim-batches'
import { partsHref } from '../../routes'
import { useShopFormat } from '../../shop-format'

/** The defective parts to send back with the batch, with the day each is due and whether it has gone. */
export function BatchReturnParts({ parts }: { parts: BatchReturnPartDto[] }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  return (
    <section aria-labelledby="batch-returns-title">
      <h3 id="batch-returns-title">{t('claimsScreen.returns.title')}</h3>
      {parts.length === 0 ? (
        <p className="empty-state">{t('claimsScreen.returns.none')}</p>
      ) : (
        <>
          <p className="field-hint">
            {t('claimsScreen.returns.hint')} <a href={partsHref('rma')}>{t('claimsScreen.returns.rmaLink')}</a>
          </p>
          <div className="table-scroll">
            <table className="table table-compact">
              <caption className="visually-hidden">{t('claimsScreen.returns.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('claimsScreen.claim')}</th>
                  <th scope="col">{t('claimsScreen.lines.partNumber')}</th>
                  <th scope="col">{t('claimsScreen.lines.name')}</th>
                  <th scope="col" className="num">
                    {t('claimsScreen.lines.quantity')}
                  </th>
                  <th scope="col">{t('claimsScreen.returns.oldSerial')}</th>
                  <th scope="col">{t('claimsScreen.returns.returnBy')}</th>
                  <th scope="col">{t('claimsScreen.returns.shipped')}</th>
                </tr>
              </thead>
              <tbody>
                {parts.map((part, index) => (
                  <tr key={`${part.claimNumber}-${part.partNumber}-${part.defectivePartId ?? index}`}>
                    <td className="mono nowrap">{part.claimNumber}</td>
                    <td className="mono">{part.partNumber}</td>
                    <td>{part.name}</td>
                    <td className="num">{part.quantity}</td>
                    <td className="mono">{part.oldSerial}</td>
                    <td className="nowrap">{part.returnBy ? format.date(part.returnBy) : t('claimsScreen.returns.notTracked')}</td>
                    <td>{part.shipped ? t('common.yes') : t('common.no')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  )
}
