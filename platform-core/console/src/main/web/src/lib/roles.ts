/** Realm roles of the platform (Keycloak `realm_access.roles`). */
export type Role =
  | 'district-admin' | 'dispatcher' | 'grid-worker' | 'department-handler'
  | 'mediator' | 'social-worker' | 'resident' | 'screen-viewer' | 'city-admin' | 'city-dispatcher'

/** A menu entry of the console: a route name and the roles that see it. */
export interface MenuItem {
  route: string
  label: string
  roles: Role[]
  /** the district centre's own machinery (the outboxes): a street or community centre's dispatcher is refused it */
  districtCentre?: boolean
}

/** The district console's menu, in order. Labels are i18n keys. */
export const DISTRICT_MENU: MenuItem[] = [
  { route: 'inbox', label: 'menu.inbox', roles: ['district-admin', 'dispatcher', 'grid-worker', 'department-handler', 'mediator', 'social-worker'] },
  { route: 'new-case', label: 'menu.newCase', roles: ['district-admin', 'dispatcher', 'grid-worker', 'department-handler'] },
  { route: 'kpis', label: 'menu.kpis', roles: ['district-admin', 'dispatcher'] },
  { route: 'reports', label: 'menu.reports', roles: ['district-admin', 'dispatcher'] },
  { route: 'dispatches', label: 'menu.dispatches', roles: ['district-admin', 'dispatcher'], districtCentre: true },
  { route: 'callbacks', label: 'menu.callbacks', roles: ['district-admin', 'dispatcher'] },
  { route: 'posters', label: 'menu.posters', roles: ['district-admin', 'dispatcher'] },
  { route: 'supervision', label: 'menu.supervision', roles: ['district-admin', 'dispatcher'] },
  { route: 'notifications', label: 'menu.notifications', roles: ['district-admin', 'dispatcher'], districtCentre: true },
  { route: 'notification-templates', label: 'menu.notificationTemplates', roles: ['district-admin'] },
  { route: 'incoming-transfers', label: 'transfer.menu', roles: ['district-admin', 'dispatcher'] },
  { route: 'people', label: 'menu.people', roles: ['district-admin', 'dispatcher', 'department-handler', 'grid-worker'] },  // 责任清单: the administrators edit it, the dispatchers read it (the PUT allows district-admin only)
  { route: 'responsibility-list', label: 'responsibility.menu', roles: ['district-admin', 'dispatcher'] },
]

/** The city console's menu. */
export const CITY_MENU: MenuItem[] = [
  { route: 'city-districts', label: 'menu.districts', roles: ['city-admin'] },
  { route: 'city-kpis', label: 'menu.cityKpis', roles: ['city-admin'] },
  { route: 'city-reports', label: 'menu.cityReports', roles: ['city-admin'] },
  { route: 'city-escalations', label: 'menu.cityEscalations', roles: ['city-admin'] },
  { route: 'city-cases', label: 'centres.menu', roles: ['city-dispatcher'] },
]

/** Roles that never open the console: residents (the reporting page) and wall screens (the big screen). */
const NOT_CONSOLE = new Set(['resident', 'screen-viewer', 'offline_access', 'uma_authorization'])

/** Roles that work in the console; a resident or a wall screen's account alone does not. */
export function mayUseConsole(roles: readonly string[]): boolean {
  return roles.some((r) => !NOT_CONSOLE.has(r) && !r.startsWith('default-roles-'))
}

/** A wall screen's account (screen-viewer and nothing the console serves): it is sent to the big screen. */
export function isScreenOnly(roles: readonly string[]): boolean {
  return roles.includes('screen-viewer') && !mayUseConsole(roles)
}

/** The entries `roles` see; a street or community centre (`centre`) does not see the district centre's own. */
export function menuFor(menu: MenuItem[], roles: readonly string[], centre = false): MenuItem[] {
  return menu.filter((m) => m.roles.some((r) => roles.includes(r)) && !(centre && m.districtCentre))
}

/** The first page a role lands on. */
export function homeRoute(roles: readonly string[]): string {
  if (roles.includes('city-admin')) return 'city-districts'
  if (roles.includes('city-dispatcher')) return 'city-cases'
  if (!mayUseConsole(roles)) return 'no-console'
  return 'inbox'
}

/** The channel a role reports with from the new-case form, and whether it may choose another. */
export function intakeChannels(roles: readonly string[]): string[] {
  if (roles.includes('district-admin') || roles.includes('dispatcher')) {
    return ['hotline', 'grid-worker', 'department', 'resident-app', 'qr-code', 'video']
  }
  if (roles.includes('grid-worker')) return ['grid-worker']
  if (roles.includes('department-handler')) return ['department']
  return []
}

/**
 * The grid subtree a street/town or community/village centre's dispatcher works in (the token's first
 * grid), or null for everyone else (a district centre's dispatcher sees the whole district).
 */
export function centreGrid(roles: readonly string[], grids: readonly string[]): string | null {
  if (!roles.includes('dispatcher') || roles.includes('district-admin')) return null
  return grids[0] ?? null
}
