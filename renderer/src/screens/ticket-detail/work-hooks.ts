import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { InputOf } from '../../../../shared/contract'
import type { TicketWorkDto } from '../../../../shared/dto/workflow'
import { RpcFailure } from '../../api'
import { useClient } from '../../client-context'
import { formErrorsFrom, noErrors, type FormErrors } from '../../errors'
import { queryKeys } from '../../query'

/** The workflow channels that change a ticket; each answers with the ticket's new work state. */
export type WorkChannel =
  | 'tickets.assign'
  | 'tickets.startDiagnosis'
  | 'tickets.diagnose'
  | 'tickets.estimate'
  | 'tickets.decide'
  | 'tickets.startRepair'
  | 'tickets.complete'
  | 'tickets.markReady'
  | 'tickets.collect'
  | 'tickets.cancel'
  | 'tickets.addNote'

export function useTicketWork(ticketId: number) {
  const client = useClient()
  return useQuery({ queryKey: queryKeys.work(ticketId), queryFn: () => client.call('tickets.work', { id: ticketId }) })
}

/**
 * Form state for one workflow action: field errors from local checks or from the ledger's issue
 * paths, a counter that moves focus to the first invalid field, and the write itself. A success
 * puts the new work state in the cache at once and refreshes every ticket view (list, detail,
 * board); a refused transition refreshes them too, so the page shows where the ticket now stands.
 * `readable` rewrites a refusal before it is translated (the hand-back's amounts owed as money).
 */
export function useWorkForm<C extends WorkChannel>(channel: C, fieldPaths: readonly string[], onDone: (work: TicketWorkDto) => void, readable: (error: unknown) => unknown = (error) => error) {
  const { t } = useTranslation()
  const client = useClient()
  const queryClient = useQueryClient()
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [failures, setFailures] = useState(0)

  const fail = (next: FormErrors) => {
    setErrors(next)
    setFailures((n) => n + 1)
  }
  const refreshTickets = () => {
    for (const key of [queryKeys.tickets, queryKeys.devices, queryKeys.customers]) void queryClient.invalidateQueries({ queryKey: key })
  }

  const write = useMutation({
    mutationFn: (input: InputOf<C>) => client.call(channel, input) as Promise<TicketWorkDto>,
    onSuccess: (work) => {
      queryClient.setQueryData(queryKeys.work(work.ticketId), work)
      refreshTickets()
      onDone(work)
    },
    onError: (error) => {
      if (error instanceof RpcFailure && error.code === 'ILLEGAL_TRANSITION') refreshTickets()
      fail(formErrorsFrom(t, readable(error), fieldPaths))
    },
  })

  return {
    errors,
    failures,
    busy: write.isPending,
    /** Local checks failed: show these messages (keys already translated) on their fields. */
    failLocally(fields: Record<string, string>) {
      fail({ fields, general: t('errors.invalidInput') })
    },
    /** A field was edited: its message goes away. */
    clear(...paths: string[]) {
      if (paths.some((path) => errors.fields[path])) setErrors((current) => ({ ...current, fields: Object.fromEntries(Object.entries(current.fields).filter(([path]) => !paths.includes(path))) }))
    },
    send(input: InputOf<C>) {
      if (write.isPending) return
      setErrors(noErrors)
      write.mutate(input)
    },
  }
}

export type WorkForm = ReturnType<typeof useWorkForm>
