import { useCallback, useSyncExternalStore } from 'react'

/** The left navigation, in order; Alt+1 … Alt+7 follow this order. */
export const routes = ['counter', 'tickets', 'parts', 'payments', 'reports', 'claims', 'settings'] as const
export type Route = (typeof routes)[number]

export const defaultRoute: Route = 'counter'

/** '#/settings' → 'settings'; anything else (including an empty hash) → the counter. */
export function parseRoute(hash: string): Route {
  const name = hash.replace(/^#\/?/, '')
  return (routes as readonly string[]).includes(name) ? (name as Route) : defaultRoute
}

export function routeHref(route: Route): string {
  return `#/${route}`
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

/** Hash routing: a reload keeps the screen, and Electron's app:// origin needs no history fallback. */
export function useRoute(): [Route, (route: Route) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash)
  const navigate = useCallback((route: Route) => {
    if (window.location.hash !== routeHref(route)) window.location.hash = routeHref(route)
  }, [])
  return [parseRoute(hash), navigate]
}
