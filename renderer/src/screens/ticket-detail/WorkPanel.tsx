import { useTranslation } from 'react-i18next'
import type { TicketDetailDto } from '../../../../shared/dto/tickets'
import { LoadError, Loading } from '../../components/Feedback'
import { WorkActions } from './WorkActions'
import { WorkSummary } from './WorkSummary'
import { useTicketWork } from './work-hooks'

/** The repair workflow on the ticket page: the next steps the ledger allows, then what was recorded. */
export function WorkPanel({ ticket }: { ticket: TicketDetailDto }) {
  const { t } = useTranslation()
  const work = useTicketWork(ticket.id)
  return (
    <section aria-labelledby="work-title" className="work-panel" aria-busy={work.isPending || undefined}>
      <h2 id="work-title" tabIndex={-1}>
        {t('work.title')}
      </h2>
      {work.isPending && <Loading />}
      {work.isError && <LoadError error={work.error} onRetry={() => void work.refetch()} />}
      {work.data && (
        <>
          <WorkActions ticket={ticket} work={work.data} />
          <WorkSummary ticket={ticket} work={work.data} />
        </>
      )}
    </section>
  )
}
