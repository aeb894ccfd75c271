import { dateText, hourMinuteText, wallClockOf } from './zone'

/**
 * Times as the console shows them: in the district's zone (`zone.ts`), written as the server writes them in
 * the journal's notes (`2026-03-18 18:00`), the same in both languages; `—` for none.
 */

/** Month, day, hours and minutes (`03-18 18:00`): lists of recent work, the bell. */
export function shortTime(iso: string | undefined | null): string {
  const w = wallClockOf(iso)
  return w ? `${dateText(w).slice(5)} ${hourMinuteText(w)}` : '—'
}

/** With the year (`2026-03-18 18:00`): the case's facts and journal, supervision, escalations. */
export function fullTime(iso: string | undefined | null): string {
  const w = wallClockOf(iso)
  return w ? `${dateText(w)} ${hourMinuteText(w)}` : '—'
}

/**
 * How far apart two reports are, from hours: whole minutes under an hour (at least 1), else hours to one
 * decimal. The i18n key to use and its number.
 */
export function gap(hours: number): { key: 'duplicate.minutes' | 'duplicate.hours'; n: number } {
  const h = Math.max(0, hours)
  return h < 1 ? { key: 'duplicate.minutes', n: Math.max(1, Math.round(h * 60)) } : { key: 'duplicate.hours', n: Math.round(h * 10) / 10 }
}
