import { useEffect } from 'react'
import type { SessionDto } from '../../../../shared/dto/auth'
import { routes, useRoute, type Route } from '../../routes'
import { SettingsScreen } from '../settings/SettingsScreen'
import { NavMenu } from './NavMenu'
import { NotBuiltPanel } from './NotBuiltPanel'
import { TopBar } from './TopBar'

/** Signed in: top bar, left navigation, and the current screen in the one <main>. */
export function AppShell({ session }: { session: SessionDto }) {
  const [route, navigate] = useRoute()
  useNavigationShortcuts(navigate)
  return (
    <div className="shell">
      <TopBar session={session} onSignedOut={() => navigate('counter')} />
      <div className="shell-body">
        <NavMenu current={route} />
        <main className="shell-main">
          <Screen key={route} route={route} session={session} />
        </main>
      </div>
    </div>
  )
}

function Screen({ route, session }: { route: Route; session: SessionDto }) {
  if (route === 'settings') return <SettingsScreen session={session} />
  return <NotBuiltPanel route={route} />
}

/** Alt+1 … Alt+7 open the screens in navigation order (by physical key, so layouts do not matter). */
function useNavigationShortcuts(navigate: (route: Route) => void) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
      const digit = /^Digit([1-9])$/.exec(event.code)?.[1] ?? (/^[1-9]$/.test(event.key) ? event.key : undefined)
      const route = digit ? routes[Number(digit) - 1] : undefined
      if (!route) return
      event.preventDefault()
      navigate(route)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [navigate])
}
