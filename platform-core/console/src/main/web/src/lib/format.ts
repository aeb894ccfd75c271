/** Times as the console's lists show them, in the reader's language; `—` for none. */

/** Month, day, hours and minutes: the lists of recent work (dispatches, callbacks, notifications). */
export function shortTime(iso: string | undefined | null, locale: string): string {
  return iso ? new Date(iso).toLocaleString(locale, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }) : '—'
}

/** With the year: records that last (supervision, escalations). */
export function fullTime(iso: string | undefined | null, locale: string): string {
  return iso ? new Date(iso).toLocaleString(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }) : '—'
}
