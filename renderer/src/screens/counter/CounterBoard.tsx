import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionDto } from '../../../../shared/dto/auth'
import { useClient } from '../../client-context'
import { Field } from '../../components/Field'
import { LoadError, Loading } from '../../components/Feedback'
import { useActiveStaff } from '../../hooks'
import { queryKeys } from '../../query'
import { BoardList, StatusCounts } from './BoardList'

/**
 * What is waiting on whom: open tickets by status, the overdue ones, those waiting on the customer
 * (an answer or a pickup) or on parts, and one technician's queue (your own unless you pick another).
 */
export function CounterBoard({ session }: { session: SessionDto }) {
  const { t } = useTranslation()
  const client = useClient()
  const staff = useActiveStaff()
  const [queueStaffId, setQueueStaffId] = useState<number | null>(null)
  const board = useQuery({
    queryKey: queryKeys.board(queueStaffId),
    queryFn: () => client.call('tickets.board', queueStaffId === null ? {} : { staffId: queueStaffId }),
    placeholderData: keepPreviousData,
  })
  const data = board.data
  const queueName = data?.queueOf.staffName ?? session.staff.name
  const mine = (data?.queueOf.staffId ?? session.staff.id) === session.staff.id

  const queueSelect = (
    <Field id="board-queue-staff" label={t('board.queueSelect')}>
      {(control) => (
        <select
          {...control}
          value={String(queueStaffId ?? session.staff.id)}
          onChange={(event) => {
            const id = Number(event.target.value)
            setQueueStaffId(id === session.staff.id ? null : id)
          }}
          aria-busy={staff.isPending || undefined}
        >
          {(staff.data ?? [session.staff]).map((member) => (
            <option key={member.id} value={String(member.id)}>
              {member.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  )

  return (
    <section aria-labelledby="board-title" className="board" aria-busy={board.isFetching || undefined}>
      <h2 id="board-title" tabIndex={-1}>
        {t('board.title')}
      </h2>
      {board.isPending && <Loading />}
      {board.isError && <LoadError error={board.error} onRetry={() => void board.refetch()} />}
      {data && (
        <>
          <StatusCounts counts={data.counts} />
          <div className="board-grid">
            <BoardList id="board-overdue" title={t('board.overdue')} tickets={data.overdue} empty={t('board.overdueEmpty')} />
            <BoardList id="board-customer" title={t('board.waitingOnCustomer')} tickets={data.waitingOnCustomer} empty={t('board.waitingOnCustomerEmpty')} />
            <BoardList id="board-parts" title={t('board.waitingOnParts')} tickets={data.waitingOnParts} empty={t('board.waitingOnPartsEmpty')} />
            <BoardList
              id="board-queue"
              title={mine ? t('board.myQueue') : t('board.queueOf', { name: queueName })}
              tickets={data.myQueue}
              empty={t('board.queueEmpty', { name: queueName })}
              tools={queueSelect}
            />
          </div>
        </>
      )}
    </section>
  )
}
