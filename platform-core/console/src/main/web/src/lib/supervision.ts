import type { Schemas } from '../api/client'
import { instantOfWallClock, offsetText, wallClockAt } from './zone'

export type Supervision = Schemas['Supervision']
export type SupervisionKind = Supervision['kind']

/** Roles that issue 督办 and 挂牌督办 (the API: district-admin, dispatcher). */
export function mayIssue(roles: readonly string[]): boolean {
  return roles.includes('district-admin') || roles.includes('dispatcher')
}

/** Roles that answer: the handling department or grid, and the centre (the API refuses cases outside what they see). */
export function mayAnswerAs(roles: readonly string[]): boolean {
  return ['department-handler', 'grid-worker', 'dispatcher', 'district-admin'].some((r) => roles.includes(r))
}

/** A record waits for an answer: an order, listed matter or escalation not answered yet (reminders are never answered). */
export function awaitsAnswer(s: Supervision): boolean {
  return s.kind !== 'reminder' && !s.answer
}

/** Statuses on which no order may be issued (the API answers 409). */
const SETTLED = new Set(['closed', 'evaluated', 'rejected'])
export function openForOrders(status: string | undefined): boolean {
  return !!status && !SETTLED.has(status)
}

/** The Element Plus tag type of a kind (never `warning`, whose text is too light on white). */
export function kindTag(kind: SupervisionKind): 'info' | 'primary' | 'danger' {
  switch (kind) {
    case 'reminder':
      return 'info'
    case 'order':
      return 'primary'
    default:
      return 'danger'
  }
}

export const REASON_MAX = 500
export const ANSWER_MAX = 2000
export const DEADLINE_MAX_DAYS = 90

/** What is wrong with a reason or an answer as the API checks it: blank, or too long. */
export function textProblem(text: string, max: number): 'required' | 'tooLong' | null {
  const trimmed = text.trim()
  if (!trimmed) return 'required'
  if (trimmed.length > max) return 'tooLong'
  return null
}

/**
 * Deadlines are picked and shown in the district's zone (`zone.ts`), as the journal's notes and the notices
 * state them, whatever zone the browser is in. A picker shows a local `Date` whose fields are that zone's
 * wall clock.
 */

/** The district's wall clock at `instant`, as the local Date a date picker shows. */
export function zoneWallClock(instant: Date): Date {
  const w = wallClockAt(instant.getTime())
  return new Date(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
}

/** The instant a picked wall-clock time (a local Date's fields) means in the district's zone. */
export function zoneInstant(picked: Date): number {
  return instantOfWallClock({
    year: picked.getFullYear(), month: picked.getMonth() + 1, day: picked.getDate(),
    hour: picked.getHours(), minute: picked.getMinutes(), second: picked.getSeconds(),
  })
}

/** What is wrong with a deadline picked in Beijing time: missing, not after `now`, or more than 90 days ahead. */
export function deadlineProblem(deadline: Date | null, now: Date): 'required' | 'past' | 'tooFar' | null {
  if (!deadline || Number.isNaN(deadline.getTime())) return 'required'
  const at = zoneInstant(deadline)
  if (at <= now.getTime()) return 'past'
  if (at > now.getTime() + DEADLINE_MAX_DAYS * 86_400_000) return 'tooFar'
  return null
}

/** The proposed deadline, for the picker: `days` after today in the district, at 18:00 there. */
export function defaultDeadline(now: Date, days = 3): Date {
  const d = zoneWallClock(now)
  d.setDate(d.getDate() + days)
  d.setHours(18, 0, 0, 0)
  return d
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A picked wall-clock time as the API takes it: ISO 8601 with the district's offset (`2026-03-18T18:00:00+08:00`). */
export function withOffset(d: Date): string {
  const at = zoneInstant(d)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${offsetText(at)}`
}
