import { useTranslation } from 'react-i18next'
import type { ClaimLineDto } from '../../../../shared/dto/claims'
import { usePoolNames } from '../../pool-names'
import { useShopFormat } from '../../shop-format'

/** The parts of the repair as claimed: part number, quantity, pool, serials, whether it goes back, amount. */
export function ClaimLines({ lines, partsMinor }: { lines: ClaimLineDto[]; partsMinor: number }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const pools = usePoolNames()
  return (
    <section aria-labelledby="claim-lines-title">
      <h3 id="claim-lines-title">{t('claimsScreen.lines.title')}</h3>
      {lines.length === 0 ? (
        <p className="empty-state">{t('claimsScreen.lines.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table table-compact">
            <caption className="visually-hidden">{t('claimsScreen.lines.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('claimsScreen.lines.line')}</th>
                <th scope="col">{t('claimsScreen.lines.partNumber')}</th>
                <th scope="col">{t('claimsScreen.lines.name')}</th>
                <th scope="col" className="num">
                  {t('claimsScreen.lines.quantity')}
                </th>
                <th scope="col">{t('claimsScreen.lines.pool')}</th>
                <th scope="col">{t('claimsScreen.lines.serials')}</th>
                <th scope="col">{t('claimsScreen.lines.returnRequired')}</th>
                <th scope="col" className="num">
                  {t('claimsScreen.lines.amount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line, index) => (
                <tr key={line.movementId}>
                  <td className="num">{index + 1}</td>
                  <td className="mono">{line.partNumber || <span className="muted">{t('common.notSet')}</span>}</td>
                  <td>{line.name}</td>
                  <td className="num">{line.quantity}</td>
                  <td>{pools.label(line.pool)}</td>
                  <td className="mono">
                    {line.oldSerial || line.newSerial ? t('claimsScreen.lines.serialPair', { old: line.oldSerial ?? '—', new: line.newSerial ?? '—' }) : ''}
                  </td>
                  <td>{line.returnRequired ? t('common.yes') : t('common.no')}</td>
                  <td className="num">{format.money(line.amountMinor)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={7}>
                  {t('claimsScreen.lines.total')}
                </th>
                <td className="num">{format.money(partsMinor)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  )
}
