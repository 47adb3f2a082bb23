import { useTranslation } from 'react-i18next'
import type { StocktakeDto } from '../../../../shared/dto/stock'
import { usePoolNames } from '../../pool-names'

/** The differences of a stocktake: a preview (nothing written yet) or what was posted. */
export function StocktakeResult({ result, posted }: { result: StocktakeDto; posted: boolean }) {
  const { t } = useTranslation()
  const pools = usePoolNames()
  const differing = result.lines.filter((line) => line.difference !== 0)
  const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '0')
  const title = t(posted ? 'stocktake.postedTitle' : 'stocktake.previewTitle', { pool: pools.label(result.pool) })
  return (
    <section aria-labelledby="stocktake-result-title" className={posted ? 'subform' : 'subform subform-edit'}>
      <h3 id="stocktake-result-title">{title}</h3>
      <p role="status" className={posted ? 'status-message' : undefined}>
        {t(posted ? 'stocktake.postedSummary' : 'stocktake.previewSummary', { counted: result.lines.length, differing: differing.length, net: signed(result.netDifference) })}
      </p>
      {differing.length === 0 ? (
        <p className="empty-state">{t('stocktake.noDifferences')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table table-compact">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t('parts.sku')}</th>
                <th scope="col">{t('parts.name')}</th>
                <th scope="col" className="num">
                  {t('stocktake.expected')}
                </th>
                <th scope="col" className="num">
                  {t('stocktake.counted')}
                </th>
                <th scope="col" className="num">
                  {t('stocktake.difference')}
                </th>
              </tr>
            </thead>
            <tbody>
              {differing.map((line) => (
                <tr key={line.partId} className={line.difference < 0 ? 'row-low' : undefined}>
                  <th scope="row" className="mono">
                    {line.sku}
                  </th>
                  <td>{line.name}</td>
                  <td className="num">{line.expected}</td>
                  <td className="num">{line.counted}</td>
                  <td className="num">{signed(line.difference)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!posted && <p className="field-hint">{t('stocktake.previewHint')}</p>}
    </section>
  )
}
