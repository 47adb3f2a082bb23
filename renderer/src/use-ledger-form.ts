import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ChannelName, InputOf, OutputOf } from '../../shared/contract'
import { useClient } from './client-context'
import { formErrorsFrom, noErrors, type FormErrors } from './errors'

export interface LedgerFormOptions<C extends ChannelName> {
  /** Called with the answer after `refresh`. */
  onDone: (value: OutputOf<C>) => void
  /** Updates or invalidates the views this write changed (given the answer). */
  refresh: (value: OutputOf<C>) => void
  /** Sees a refusal before it becomes field messages (e.g. to refresh views it proved stale). */
  onRefused?: (error: unknown) => void
  /** Rewrites a refusal before it becomes field messages (e.g. amounts written as money). */
  mapError?: (error: unknown) => unknown
  /** Message keys the ledger answers without a path, mapped to the field they concern. */
  keyToField?: Record<string, string>
}

/**
 * Form state for one ledger write: field errors from local checks or from the ledger's issue
 * paths, a counter that moves focus to the first invalid field, and the call itself. A success
 * refreshes the views it touches before `onDone` sees the answer.
 */
export function useLedgerForm<C extends ChannelName>(channel: C, fieldPaths: readonly string[], options: LedgerFormOptions<C>) {
  const { t } = useTranslation()
  const client = useClient()
  const [errors, setErrors] = useState<FormErrors>(noErrors)
  const [failures, setFailures] = useState(0)

  const fail = (next: FormErrors) => {
    setErrors(next)
    setFailures((n) => n + 1)
  }

  const write = useMutation({
    mutationFn: (input: InputOf<C>) => client.call(channel, input),
    onSuccess: (value) => {
      options.refresh(value)
      options.onDone(value)
    },
    onError: (error) => {
      options.onRefused?.(error)
      fail(formErrorsFrom(t, options.mapError ? options.mapError(error) : error, fieldPaths, options.keyToField ?? {}))
    },
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
