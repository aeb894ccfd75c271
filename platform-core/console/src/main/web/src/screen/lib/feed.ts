import type { CaseEvent, CityFigures, DistrictFigures, Today } from '../types'

/** How many events the live feed keeps (the newest first). */
export const FEED_SIZE = 40

const CLOSED = new Set(['closed', 'evaluated', 'rejected'])

/** Whether a case in `status` counts as open (neither closed, evaluated nor rejected); no status: not yet a case. */
export function isOpen(status: string | null | undefined): boolean {
  return !!status && !CLOSED.has(status)
}

function time(e: CaseEvent): number {
  const t = Date.parse(e.at)
  return Number.isFinite(t) ? t : 0
}

/** Newest first: by time, then by the stream's cursor (ordered; compared numerically where it is a number). */
export function newestFirst(a: CaseEvent, b: CaseEvent): number {
  return time(b) - time(a) || b.id.localeCompare(a.id, 'en', { numeric: true })
}

/**
 * The feed after `incoming` arrived: every event once (by its id — a resumed stream and the
 * figures' `recent` list repeat events already shown), newest first, at most `size`.
 */
export function mergeFeed(current: readonly CaseEvent[], incoming: readonly CaseEvent[], size = FEED_SIZE): CaseEvent[] {
  const byId = new Map<string, CaseEvent>()
  for (const e of current) byId.set(e.id, e)
  for (const e of incoming) if (e && typeof e.id === 'string' && !byId.has(e.id)) byId.set(e.id, e)
  return [...byId.values()].sort(newestFirst).slice(0, size)
}

/** The events the figures of `generatedAt` cannot know yet (strictly later), for `tenant` if given. */
export function eventsAfter(events: readonly CaseEvent[], generatedAt: string, tenant?: string): CaseEvent[] {
  const since = Date.parse(generatedAt)
  return events.filter((e) => (tenant === undefined || e.tenant === tenant) && (!Number.isFinite(since) || time(e) > since))
}

/** What one event changes in the counters: today's reports, dispatches and closures, and the open cases. */
export function deltaOf(e: CaseEvent): { reported: number; dispatched: number; closed: number; open: number } {
  return {
    reported: e.action === 'report' ? 1 : 0,
    dispatched: e.to === 'dispatched' && e.from !== 'dispatched' ? 1 : 0,
    closed: e.to === 'closed' && e.from !== 'closed' ? 1 : 0,
    open: Number(isOpen(e.to)) - Number(isOpen(e.from)),
  }
}

function bumpToday(today: Today, d: ReturnType<typeof deltaOf>): Today {
  return { reported: today.reported + d.reported, dispatched: today.dispatched + d.dispatched, closed: today.closed + d.closed }
}

/**
 * The district's figures with the live events they do not include yet laid over them (events
 * after `generatedAt`): today's counters, open cases, the families' and lead departments' open
 * cases and reports, and the open cases of the event's grid and of every grid above it
 * (`parentOf` walks the grid tree; the figures roll `openByGrid` up the same way). Overdue,
 * rates and timings wait for the next figures. Pure: the figures given are not changed.
 */
export function overlay(figures: DistrictFigures, events: readonly CaseEvent[], parentOf: (code: string) => string | null | undefined): DistrictFigures {
  const later = eventsAfter(events, figures.generatedAt, figures.tenant)
  if (!later.length) return figures
  let today = figures.today
  let open = figures.open
  const families = figures.families.map((f) => ({ ...f }))
  const departments = figures.departments.map((d) => ({ ...d }))
  const openByGrid = { ...figures.openByGrid }
  for (const e of later) {
    const d = deltaOf(e)
    today = bumpToday(today, d)
    open += d.open
    const family = families.find((f) => f.family === e.family)
    if (family) {
      family.reported += d.reported
      family.open = Math.max(0, family.open + d.open)
    } else if (e.family && (d.reported || d.open > 0)) {
      families.push({ family: e.family, reported: d.reported, open: Math.max(0, d.open) })
    }
    const department = departments.find((x) => x.code === e.leadDepartment)
    if (department) department.open = Math.max(0, department.open + d.open)
    if (d.open && e.grid) {
      const seen = new Set<string>()
      for (let code: string | null | undefined = e.grid; code && !seen.has(code); code = parentOf(code)) {
        seen.add(code)
        openByGrid[code] = Math.max(0, (openByGrid[code] ?? 0) + d.open)
      }
    }
  }
  return { ...figures, today, open: Math.max(0, open), families, departments, openByGrid }
}

/** The city's figures with each district's later events laid over its counters and the totals. */
export function overlayCity(figures: CityFigures, events: readonly CaseEvent[]): CityFigures {
  const later = eventsAfter(events, figures.generatedAt)
  if (!later.length) return figures
  let totalsToday = figures.totals.today
  let totalsOpen = figures.totals.open
  const districts = figures.districts.map((district) => {
    let today = district.today
    let open = district.open
    for (const e of later) {
      if (e.tenant !== district.tenant) continue
      const d = deltaOf(e)
      today = bumpToday(today, d)
      open += d.open
      totalsToday = bumpToday(totalsToday, d)
      totalsOpen += d.open
    }
    return today === district.today ? district : { ...district, today, open: Math.max(0, open) }
  })
  return { ...figures, districts, totals: { ...figures.totals, today: totalsToday, open: Math.max(0, totalsOpen) } }
}

/** Keeps the events the next figures will still not know: those after `generatedAt` (at most `size`). */
export function pending(events: readonly CaseEvent[], generatedAt: string, size = 5000): CaseEvent[] {
  return eventsAfter(events, generatedAt).slice(-size)
}
