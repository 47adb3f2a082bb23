import { useTranslation } from 'react-i18next'
import type { ClaimEventDto } from '../../../../shared/dto/claims'
import { useShopFormat } from '../../shop-format'
import { useClaimText } from './claim-text'

/** Every event of the claim, oldest first: when, who, what (with the status change and revision), the note. */
export function ClaimHistory({ events }: { events: ClaimEventDto[] }) {
  const { t } = useTranslation()
  const format = useShopFormat()
  const text = useClaimText()
  return (
    <section aria-labelledby="claim-history-title">
      <h3 id="claim-history-title">{t('claimsScreen.history.title')}</h3>
      <div className="table-scroll">
        <table className="table table-compact">
          <caption className="visually-hidden">{t('claimsScreen.history.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('claimsScreen.history.time')}</th>
              <th scope="col">{t('claimsScreen.history.staff')}</th>
              <th scope="col">{t('claimsScreen.history.event')}</th>
              <th scope="col" className="num">
                {t('claimsScreen.history.revision')}
              </th>
              <th scope="col">{t('claimsScreen.history.note')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((event) => (
              <tr key={event.id}>
                <td className="nowrap">{format.instant(event.atMs)}</td>
                <td>{event.staffName}</td>
                <td>
                  {text.event(event)}
                  {event.toStatus && (
                    <span className="muted">
                      {' '}
                      ({event.fromStatus ? t('claimsScreen.history.statusChange', { from: text.status(event.fromStatus), to: text.status(event.toStatus) }) : text.status(event.toStatus)})
                    </span>
                  )}
                </td>
                <td className="num">{event.revision}</td>
                <td className="pre-wrap">{event.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
