import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react'
import { useTranslation } from 'react-i18next'
import { useClient } from '../../client-context'
import { LoadError, Loading } from '../../components/Feedback'
import { PublicLayout } from '../../components/PublicLayout'
import { useFocusOnMount } from '../../components/useFocusOnMount'
import { errorMessage } from '../../errors'
import { queryKeys } from '../../query'

const pinPattern = /^\d{4,8}$/

/** Pick yourself, type your PIN, press Enter. A wrong PIN clears the field and keeps focus there. */
export function SignInScreen() {
  const { t } = useTranslation()
  const client = useClient()
  const queryClient = useQueryClient()
  const choices = useQuery({ queryKey: queryKeys.staffChoices, queryFn: () => client.call('auth.staffChoices', {}) })
  const [staffId, setStaffId] = useState('')
  const [pin, setPin] = useState('')
  const [error, setError] = useState<string | null>(null)
  const pinRef = useRef<HTMLInputElement>(null)

  const firstChoice = choices.data?.[0]
  useEffect(() => {
    if (!staffId && firstChoice) setStaffId(String(firstChoice.id))
  }, [staffId, firstChoice])

  const signIn = useMutation({
    mutationFn: (input: { staffId: number; pin: string }) => client.call('auth.signIn', input),
    onSuccess: (session) => {
      queryClient.setQueryData(queryKeys.session, session)
      queryClient.removeQueries({ queryKey: queryKeys.staffChoices })
    },
    onError: (failure) => fail(errorMessage(t, failure)),
  })

  const fail = (message: string) => {
    setError(message)
    setPin('')
    pinRef.current?.focus()
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (signIn.isPending) return
    if (!pinPattern.test(pin)) return fail(t('validation.pin'))
    setError(null)
    signIn.mutate({ staffId: Number(staffId), pin })
  }

  return (
    <PublicLayout busy={choices.isPending}>
      <div className="card card-narrow">
        <h1>{t('signIn.title')}</h1>
        {choices.isPending && <Loading />}
        {choices.isError && <LoadError error={choices.error} onRetry={() => void choices.refetch()} />}
        {choices.data?.length === 0 && <p className="empty-state">{t('signIn.noStaff')}</p>}
        {choices.data && choices.data.length > 0 && (
          <SignInForm
            choices={choices.data}
            staffId={staffId}
            onStaffId={setStaffId}
            pin={pin}
            onPin={setPin}
            pinRef={pinRef}
            error={error}
            pending={signIn.isPending}
            onSubmit={submit}
          />
        )}
      </div>
    </PublicLayout>
  )
}

interface SignInFormProps {
  choices: { id: number; name: string }[]
  staffId: string
  onStaffId: (id: string) => void
  pin: string
  onPin: (pin: string) => void
  pinRef: RefObject<HTMLInputElement | null>
  error: string | null
  pending: boolean
  onSubmit: (event: FormEvent) => void
}

function SignInForm({ choices, staffId, onStaffId, pin, onPin, pinRef, error, pending, onSubmit }: SignInFormProps) {
  const { t } = useTranslation()
  const staffRef = useFocusOnMount<HTMLSelectElement>()
  return (
    <form onSubmit={onSubmit} noValidate>
      <div className="field">
        <label htmlFor="sign-in-staff">{t('fields.staffId')}</label>
        <select id="sign-in-staff" ref={staffRef} value={staffId} onChange={(event) => onStaffId(event.target.value)}>
          {choices.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.name}
            </option>
          ))}
        </select>
      </div>
      <div className={error ? 'field field-invalid' : 'field'}>
        <label htmlFor="sign-in-pin">{t('fields.pin')}</label>
        <input
          id="sign-in-pin"
          ref={pinRef}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          value={pin}
          onChange={(event) => onPin(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'sign-in-error' : undefined}
        />
        {error && (
          <p id="sign-in-error" role="alert" className="field-error">
            {error}
          </p>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" aria-busy={pending || undefined}>
          {pending ? t('signIn.submitting') : t('signIn.submit')}
        </button>
      </div>
    </form>
  )
}
