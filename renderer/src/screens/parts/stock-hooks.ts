import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChannelName, InputOf, OutputOf } from '../../../../shared/contract'
import { useClient } from '../../client-context'
import { formErrorsFrom, noErrors, type FormErrors } from '../../errors'
import { queryKeys } from '../../query'

export function usePartSearch(input: InputOf<'parts.search'>, enabled = true) {
  const client = useClient()
  return useQuery({
    queryKey: queryKeys.partSearch(input),
    queryFn: () => client.call('parts.search', input),
    placeholderData: keepPreviousData,
    enabled,
  })
}

export function usePart(id: number) {
  const client = useClient()
  return useQuery({ queryKey: queryKeys.part(id), queryFn: () => client.call('parts.get', { id }) })
}

export function useTicketParts(ticketId: number) {
  const client = useClient()
  return useQuery({ queryKey: queryKeys.ticketParts(ticketId), queryFn: () => client.call('tickets.parts', { id: ticketId }) })
}

/**
 * After any stock write every view of stock may be stale: part lists and details, levels,
 * movement histories, the RMA list, the ticket pages' parts sections and their invoices (which
 * bill the parts used).
 */
export function useStockRefresh() {
  const queryClient = useQueryClient()
  return () => {
    for (const key of [queryKeys.parts, queryKeys.stock, queryKeys.rma, ['tickets', 'parts'], ['tickets', 'invoice']]) void queryClient.invalidateQueries({ queryKey: key })
  }
}

/**
 * Form state for one stock write: field errors from local checks or from the ledger's issue
 * paths, a counter that moves focus to the first invalid field, and the call itself. A success
 * refreshes every stock view before `onDone` sees the answer.
 */
export function useStockForm<C extends ChannelName>(channel: C, fieldPaths: readonly string[], onDone: (value: OutputOf<C>) => void, keyToField: Record<string, string> = {}) {
  const { t } = useTranslation()
  const client = useClient()
  const refresh = useStockRefresh()
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [failures, setFailures] = useState(0)

  const fail = (next: FormErrors) => {
    setErrors(next)
    setFailures((n) => n + 1)
  }

  const write = useMutation({
    mutationFn: (input: InputOf<C>) => client.call(channel, input),
    onSuccess: (value) => {
      refresh()
      onDone(value)
    },
    onError: (error) => fail(formErrorsFrom(t, error, fieldPaths, keyToField)),
  })

  return {
    errors,
    failures,
    busy: write.isPending,
    /** Local checks failed: show these (already translated) messages on their fields. */
    failLocally(fields: Record<string, string>, general: string = t('errors.invalidInput')) {
      fail({ fields, general })
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

export type StockForm = ReturnType<typeof useStockForm>
