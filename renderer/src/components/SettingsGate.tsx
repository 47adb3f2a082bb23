import type { ReactNode } from 'react'
import type { ShopSettingsDto } from '../../../shared/dto/settings'
import { useSettings } from '../hooks'
import { LoadError, Loading } from './Feedback'

/**
 * Renders its children only once the shop settings are in, so no date or time is ever shown in
 * the wrong time zone (or "today" taken from the browser's) while they load.
 */
export function SettingsGate({ children }: { children: (settings: ShopSettingsDto) => ReactNode }) {
  const settings = useSettings()
  if (settings.isPending) return <Loading />
  if (settings.isError) return <LoadError error={settings.error} onRetry={() => void settings.refetch()} />
  return children(settings.data)
}
