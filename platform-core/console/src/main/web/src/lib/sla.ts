/** How urgent an open case is, for the inbox's colours and sort. */
export type Urgency = 'overdue' | 'due-soon' | 'warning' | 'normal' | 'none'

const HOUR = 3_600_000

/** Statuses whose clock does not run (finished, refused, or paused). */
const STOPPED = new Set(['closed', 'evaluated', 'rejected', 'postponed', 'reported'])

/**
 * Urgency of a case at `now`: overdue past `dueAt`, due soon within `soonHours`, warning past
 * `warningAt`, none when its clock does not run (not yet registered, finished, postponed).
 */
export function urgency(c: { status: string; dueAt?: string; warningAt?: string }, now: number, soonHours = 4): Urgency {
  if (!c.dueAt || STOPPED.has(c.status)) return 'none'
  const due = Date.parse(c.dueAt)
  if (now >= due) return 'overdue'
  if (due - now <= soonHours * HOUR) return 'due-soon'
  if (c.warningAt && now >= Date.parse(c.warningAt)) return 'warning'
  return 'normal'
}

/**
 * A countdown such as `2天3小时`, `3小时05分`, `12分` (or `2d 3h`, `3h 05m`, `12m` in English);
 * negative spans are shown as time overdue by the caller.
 */
export function countdown(ms: number, locale: string): string {
  const total = Math.floor(Math.abs(ms) / 60_000)
  const days = Math.floor(total / 1440)
  const hours = Math.floor((total % 1440) / 60)
  const minutes = total % 60
  const zh = locale.startsWith('zh')
  const pad = (n: number) => String(n).padStart(2, '0')
  if (days > 0) return zh ? `${days}天${hours}小时` : `${days}d ${hours}h`
  if (hours > 0) return zh ? `${hours}小时${pad(minutes)}分` : `${hours}h ${pad(minutes)}m`
  return zh ? `${minutes}分` : `${minutes}m`
}

/** Sorts by due time, soonest first; cases without a due time last, newest reported first among them. */
export function byDue<T extends { dueAt?: string; reportedAt: string }>(a: T, b: T): number {
  if (a.dueAt && b.dueAt) return Date.parse(a.dueAt) - Date.parse(b.dueAt)
  if (a.dueAt) return -1
  if (b.dueAt) return 1
  return Date.parse(b.reportedAt) - Date.parse(a.reportedAt)
}
