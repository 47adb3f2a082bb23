import { useMutation, useQueryClient } from '@tanstack/react-query'
import { createContext, useContext, useLayoutEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionDto } from '../../shared/dto/auth'
import { defaultLocale, isLocale, type Locale } from '../../shared/locales'
import { useClient } from './client-context'
import { useSession, useSetupStatus } from './hooks'
import { queryKeys } from './query'

interface LanguageApi {
  language: Locale
  /** Switches the UI now; for a signed-in user also saves the preference (auth.setLocale). */
  choose(locale: Locale): void
  /** Set when saving the preference failed. */
  saveError: unknown
}

const LanguageContext = createContext<LanguageApi | null>(null)

/**
 * The UI language is derived, not stored: signed in → the staff member's preference, else the shop
 * locale, else zh-CN. Before sign-in a person's pick wins over the shop locale for this window.
 */
export function LanguageProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation()
  const client = useClient()
  const queryClient = useQueryClient()
  const status = useSetupStatus().data
  const session = useSession(status?.complete === true).data
  const [picked, setPicked] = useState<Locale | null>(null)

  const language = firstLocale(session ? [session.staff.locale, status?.locale] : [picked, status?.locale])

  const save = useMutation({
    mutationFn: (locale: Locale) => client.call('auth.setLocale', { locale }),
    onMutate: (locale) => {
      const previous = queryClient.getQueryData<SessionDto | null>(queryKeys.session)
      if (previous) queryClient.setQueryData(queryKeys.session, { ...previous, staff: { ...previous.staff, locale } })
      return { previous }
    },
    onSuccess: (staff) => {
      queryClient.setQueryData<SessionDto | null>(queryKeys.session, (current) => (current ? { ...current, staff } : current))
    },
    onError: (_error, _locale, context) => {
      if (context?.previous) queryClient.setQueryData(queryKeys.session, context.previous)
    },
  })

  useLayoutEffect(() => {
    if (i18n.language !== language) void i18n.changeLanguage(language)
  }, [i18n, language])

  const choose = (locale: Locale) => {
    setPicked(locale)
    if (session) save.mutate(locale)
  }

  return <LanguageContext.Provider value={{ language, choose, saveError: save.error }}>{children}</LanguageContext.Provider>
}

export function useLanguage(): LanguageApi {
  const api = useContext(LanguageContext)
  if (!api) throw new Error('useLanguage() needs a <LanguageProvider>')
  return api
}

function firstLocale(candidates: (string | null | undefined)[]): Locale {
  return candidates.find(isLocale) ?? defaultLocale
}
