import type { ResidentCategory } from './api'

const PEOPLE = 'M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM16 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM2 20c0-3 3-5 6-5s6 2 6 5M14 15.5c.6-.3 1.3-.5 2-.5 3 0 6 2 6 5'
const HEART = 'M12 20s-7-4.5-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.5-7 10-7 10z'
const SHIELD = 'M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z'

/**
 * The page's own line icons (24×24, drawn with a 1.8 px stroke by CategoryIcon.vue), by the names
 * the platform gives categories (`icon` of GET /api/v1/resident/{t}: one per major class, else the
 * family's), so that no icon font or remote image is needed. Drawn for this page.
 */
export const ICONS = {
  rubbish: 'M4 7h16M9 7V4h6v3M6 7l1 14h10l1-14M10 11v6M14 11v6',
  billboard: 'M4 4h16v11H4zM8 20l4-5 4 5',
  construction: 'M3 21h18M6 21l6-16 6 16M8.5 14h7M10 9h4',
  street: 'M3 13l2-5h14l2 5v5H3zM7 18v2M17 18v2M6.5 14.5h1M16.5 14.5h1',
  greenery: 'M12 21v-6M12 3l-6 8h4l-3 4h10l-3-4h4z',
  facility: 'M8 3L4 21M16 3l4 18M12 5v3M12 11v3M12 17v3',
  welfare: HEART,
  health: 'M9 3h6v6h6v6h-6v6H9v-6H3V9h6z',
  school: 'M2 9l10-5 10 5-10 5zM6 11v5c3 2.5 9 2.5 12 0v-5',
  housing: 'M3 11l9-7 9 7M5 10v11h14V10M10 21v-6h4v6',
  utility: 'M13 2L5 14h6l-1 8 8-12h-6z',
  elderly: 'M12 7a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM9 22l1-7-2-4 4-2 3 3 3 1M15 22l-1-6',
  farming: 'M12 21V10M12 14c-4 0-6-3-6-7 4 0 6 3 6 7zM12 12c0-4 2-7 6-7 0 4-2 7-6 7zM5 21h14',
  dispute: PEOPLE,
  security: SHIELD,
  fire: 'M12 22c4 0 7-3 7-7 0-5-4-7-5-11-2 2-3 4-3 6-1-1-2-2-2-4-2 2-4 5-4 9 0 4 3 7 7 7z',
  food: 'M7 3v8M4 3v5a3 3 0 0 0 6 0V3M7 11v10M17 3c-2 0-3 3-3 7h3v11',
  care: PEOPLE,
  petition: 'M3 6h18v12H3zM3 6l9 7 9-7',
  disaster: 'M12 3l10 18H2zM12 10v5M12 18v.5',
  city: 'M3 21h18M5 21V10l5-3v14M10 21V4h9v17M13 8h3M13 12h3M13 16h3',
  livelihood: HEART,
  governance: SHIELD,
  other: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM8 12h.5M12 12h.5M16 12h.5',
} as const

export type IconName = keyof typeof ICONS

const BY_FAMILY: Record<string, IconName> = { CITY_MANAGEMENT: 'city', LIVELIHOOD: 'livelihood', COMPREHENSIVE_GOVERNANCE: 'governance' }

/** The icon of a category: the one the platform names, else its family's (a name this page does not know yet). */
export function iconOf(c: Pick<ResidentCategory, 'icon' | 'family'>): IconName {
  return Object.hasOwn(ICONS, c.icon) ? (c.icon as IconName) : BY_FAMILY[c.family] ?? 'other'
}
