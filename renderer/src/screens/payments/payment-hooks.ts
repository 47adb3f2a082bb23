import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChannelName, InputOf, OutputOf } from '../../../../shared/contract'
import { useClient } from '../../client-context'
import { formErrorsFrom, noErrors, type FormErrors } from '../../errors'
import { queryKeys } from '../../query'
import { useShopFormat } from '../../shop-format'
import { withMoneyParams } from './money-errors'

export const paymentKeys = {
  /** Under `tickets`: every workflow action (which refreshes the tickets root) can change the invoice. */
  invoice: (ticketId: number) => ['tickets', 'invoice', ticketId] as const,
  payments: ['payments'] as const,
  dayList: (date: string) => ['payments', 'day', date] as const,
  cash: ['cash'] as const,
  cashStatus: ['cash', 'status'] as const,
}

export function useInvoice(ticketId: number) {
  const client = useClient()
  return useQuery({ queryKey: paymentKeys.invoice(ticketId), queryFn: () => client.call('invoices.forTicket', { id: ticketId }) })
}

export function useDayPayments(date: string) {
  const client = useClient()
  // Another day keeps the last one on screen until it arrives (marked busy), rather than a flash of loading.
  return useQuery({ queryKey: paymentKeys.dayList(date), queryFn: () => client.call('payments.list', { date }), placeholderData: keepPreviousData })
}

export function useCashStatus() {
  const client = useClient()
  return useQuery({ queryKey: paymentKeys.cashStatus, queryFn: () => client.call('cash.status', {}) })
}

/** Active owners, whose PIN approves a refund or an unpaid hand-back whoever is signed in. */
export function useOwners() {
  const client = useClient()
  return useQuery({
    queryKey: queryKeys.staffChoices,
    queryFn: () => client.call('auth.staffChoices', {}),
    select: (choices) => choices.filter((choice) => choice.role === 'owner'),
  })
}

/**
 * After money moves, every view of it may be stale: the ticket (its invoice, timeline and work),
 * the day's payments and the drawer.
 */
export function useMoneyRefresh() {
  const queryClient = useQueryClient()
  return () => {
    for (const key of [queryKeys.tickets, paymentKeys.payments, paymentKeys.cash]) void queryClient.invalidateQueries({ queryKey: key })
  }
}

/**
 * Form state for one money write: field errors from local checks or from the ledger's issue
 * paths (amounts in its refusals written as money), a counter that moves focus to the first
 * invalid field, and the call itself. A success refreshes every money view before `onDone`.
 */
export function useMoneyForm<C extends ChannelName>(channel: C, fieldPaths: readonly string[], onDone: (value: OutputOf<C>) => void) {
  const { t } = useTranslation()
  const client = useClient()
  const format = useShopFormat()
  const refresh = useMoneyRefresh()
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
    onError: (error) => fail(formErrorsFrom(t, withMoneyParams(error, format.money), fieldPaths)),
  })

  return {
    errors,
    failures,
    busy: write.isPending,
    /** Local checks failed: show these (already translated) messages on their fields. */
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

export type MoneyForm = ReturnType<typeof useMoneyForm>
