/** What the address asks for: the chooser (`/screen/`), the city's wall (`/screen/city/`) or a district's (`/screen/<district>/`). */
export type ScreenRoute = { kind: 'choose' } | { kind: 'city' } | { kind: 'district'; tenant: string }

export function routeOf(pathname: string): ScreenRoute {
  const rest = pathname.replace(/^\/screen\/?/, '')
  const first = rest.split('/')[0] ?? ''
  if (!first) return { kind: 'choose' }
  if (first === 'city') return { kind: 'city' }
  return /^[a-z][a-z0-9-]{0,62}$/.test(first) ? { kind: 'district', tenant: first } : { kind: 'choose' }
}

/** The canonical address of a route (a trailing slash: the wall's address as kiosks are set up). */
export function pathOf(route: ScreenRoute): string {
  return route.kind === 'choose' ? '/screen/' : route.kind === 'city' ? '/screen/city/' : `/screen/${route.tenant}/`
}
