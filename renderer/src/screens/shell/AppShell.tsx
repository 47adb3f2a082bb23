import { lazy, Suspense, useEffect } from 'react'
import type { SessionDto } from '../../../../shared/dto/auth'
import { Loading } from '../../components/Feedback'
import { goTo, parseView, routeHref, routes, useHash, type View } from '../../routes'
import { ClaimsScreen } from '../claims/ClaimsScreen'
import { CounterScreen } from '../counter/CounterScreen'
import { PartsScreen } from '../parts/PartsScreen'
import { PaymentsScreen } from '../payments/PaymentsScreen'
import { SettingsScreen } from '../settings/SettingsScreen'
import { TicketDetailScreen } from '../ticket-detail/TicketDetailScreen'
import { TicketsScreen } from '../tickets/TicketsScreen'
import { NavMenu } from './NavMenu'
import { NotBuiltPanel } from './NotBuiltPanel'
import { TopBar } from './TopBar'

// Print pages carry the barcode and QR libraries; they load only when a print page opens.
const PrintScreen = lazy(() => import('../print/PrintScreen').then((module) => ({ default: module.PrintScreen })))
const MoneyPrintScreen = lazy(() => import('../print/MoneyPrintScreen').then((module) => ({ default: module.MoneyPrintScreen })))
// Reports carry chart.js and papaparse: they load only when the owner opens them.
const ReportsScreen = lazy(() => import('../reports/ReportsScreen').then((module) => ({ default: module.ReportsScreen })))
const DailyReportPrintScreen = lazy(() => import('../reports/print/DailyReportPrintScreen').then((module) => ({ default: module.DailyReportPrintScreen })))

/** Signed in: top bar, left navigation, and the current screen in the one <main>; print pages alone. */
export function AppShell({ session }: { session: SessionDto }) {
  const hash = useHash()
  const view = parseView(hash)
  useNavigationShortcuts()
  if (view.kind === 'print') {
    return (
      <Suspense
        fallback={
          <main className="print-page">
            <Loading />
          </main>
        }
      >
        <PrintScreen key={hash} ticketId={view.ticketId} layout={view.layout} />
      </Suspense>
    )
  }
  if (view.kind === 'money-print') {
    return (
      <Suspense
        fallback={
          <main className="print-page">
            <Loading />
          </main>
        }
      >
        <MoneyPrintScreen key={hash} ticketId={view.ticketId} layout={view.layout} paymentId={view.paymentId} />
      </Suspense>
    )
  }
  if (view.kind === 'report-print') {
    return (
      <Suspense
        fallback={
          <main className="print-page">
            <Loading />
          </main>
        }
      >
        <DailyReportPrintScreen key={hash} date={view.date} session={session} />
      </Suspense>
    )
  }
  return (
    <div className="shell">
      <TopBar session={session} onSignedOut={() => goTo(routeHref('counter'))} />
      <div className="shell-body">
        <NavMenu current={view.route} />
        <main className="shell-main">
          <Screen key={hash} view={view} session={session} />
        </main>
      </div>
    </div>
  )
}

function Screen({ view, session }: { view: Exclude<View, { kind: 'print' | 'money-print' | 'report-print' }>; session: SessionDto }) {
  if (view.kind === 'ticket') return <TicketDetailScreen ticketId={view.ticketId} />
  if (view.kind === 'parts') return <PartsScreen session={session} section={view.section} />
  if (view.kind === 'reports') {
    return (
      <Suspense fallback={<Loading />}>
        <ReportsScreen session={session} section={view.section} />
      </Suspense>
    )
  }
  switch (view.route) {
    case 'counter':
      return <CounterScreen session={session} />
    case 'tickets':
      return <TicketsScreen />
    case 'settings':
      return <SettingsScreen session={session} />
    case 'payments':
      return <PaymentsScreen />
    case 'claims':
      return <ClaimsScreen />
    default:
      return <NotBuiltPanel route={view.route} />
  }
}

/** Alt+1 … Alt+7 open the screens in navigation order (by physical key, so layouts do not matter). */
function useNavigationShortcuts() {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
      const digit = /^Digit([1-9])$/.exec(event.code)?.[1] ?? (/^[1-9]$/.test(event.key) ? event.key : undefined)
      const route = digit ? routes[Number(digit) - 1] : undefined
      if (!route) return
      event.preventDefault()
      goTo(routeHref(route))
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])
}
