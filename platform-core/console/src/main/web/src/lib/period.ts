import { wallClockAt } from './zone'

/**
 * Periods of the KPI and report APIs. A KPI period is two dates `yyyy-MM-dd` in the district's time
 * zone, `from` inclusive and `to` exclusive (docs/kpis.md); people pick the last day instead, so the
 * pickers convert. A report period is `2026-11`, `2026-Q4` or `2026-H2` according to its kind.
 */
export interface Period {
  from: string
  to: string
}

export type QuickPeriod = 'this-month' | 'last-month' | 'this-year'
export const QUICK_PERIODS: QuickPeriod[] = ['this-month', 'last-month', 'this-year']

const pad = (n: number) => String(n).padStart(2, '0')

/** The date `yyyy-MM-dd` of year, month (1–12) and day, normalised (month 13 is January next year). */
export function dateOf(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day))
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
}

/** Today's date on the district's calendar (its zone, `zone.ts`), whatever the browser's zone. */
export function localDate(now: Date): string {
  const w = wallClockAt(now.getTime())
  return dateOf(w.year, w.month, w.day)
}

/** `yyyy-MM-dd` moved by `days` (calendar days, no time zone involved). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number)
  return dateOf(y, m, d + days)
}

/** A quick choice relative to `now` on the district's calendar. */
export function quickPeriod(which: QuickPeriod, now: Date): Period {
  const { year: y, month: m } = wallClockAt(now.getTime())
  switch (which) {
    case 'this-month':
      return { from: dateOf(y, m, 1), to: dateOf(y, m + 1, 1) }
    case 'last-month':
      return { from: dateOf(y, m - 1, 1), to: dateOf(y, m, 1) }
    case 'this-year':
      return { from: dateOf(y, 1, 1), to: dateOf(y + 1, 1, 1) }
  }
}

/** Which quick choice a period is, if any (to show it pressed). */
export function quickOf(p: Period, now: Date): QuickPeriod | null {
  return QUICK_PERIODS.find((q) => {
    const c = quickPeriod(q, now)
    return c.from === p.from && c.to === p.to
  }) ?? null
}

/** The period of a picked first and last day (both inclusive). */
export function fromPicked(first: string, last: string): Period {
  return { from: first, to: addDays(last, 1) }
}

/** The last day (inclusive) a period covers, for the picker. */
export function lastDay(p: Period): string {
  return addDays(p.to, -1)
}

/** A period the API accepts: two well-formed dates, `from` before `to`. */
export function validPeriod(p: Period): boolean {
  const re = /^\d{4}-\d{2}-\d{2}$/
  return re.test(p.from) && re.test(p.to) && p.from < p.to && dateOf(...(p.from.split('-').map(Number) as [number, number, number])) === p.from
}

/** The period as people read it: first and last day, e.g. `2026-11-01 – 2026-11-30`. */
export function periodText(p: Period): string {
  const last = lastDay(p)
  return last === p.from ? p.from : `${p.from} – ${last}`
}

// ---------------------------------------------------------------------------------------------
// Report periods

export type ReportKind = 'monthly' | 'quarterly' | 'half-year'

const REPORT_PATTERN: Record<ReportKind, RegExp> = {
  monthly: /^(\d{4})-(0[1-9]|1[0-2])$/,
  quarterly: /^(\d{4})-Q([1-4])$/,
  'half-year': /^(\d{4})-H([12])$/,
}

/** The number of months in one period of a kind. */
const MONTHS: Record<ReportKind, number> = { monthly: 1, quarterly: 3, 'half-year': 6 }

/** The report period of a kind holding year/month (1–12): `2026-11`, `2026-Q4`, `2026-H2`. */
export function reportPeriodOf(kind: ReportKind, year: number, month: number): string {
  const n = Math.floor((month - 1) / MONTHS[kind]) + 1
  if (kind === 'monthly') return `${year}-${pad(month)}`
  return kind === 'quarterly' ? `${year}-Q${n}` : `${year}-H${n}`
}

/**
 * The last `count` report periods of a kind, newest first, starting with the one in progress
 * at `now`. The second entry is the last complete period, the usual choice.
 */
export function recentReportPeriods(kind: ReportKind, now: Date, count: number): string[] {
  const out: string[] = []
  let { year: y, month: m } = wallClockAt(now.getTime())
  for (let i = 0; i < count; i++) {
    out.push(reportPeriodOf(kind, y, m))
    m -= MONTHS[kind]
    if (m < 1) {
      m += 12
      y -= 1
    }
  }
  return out
}

export function validReportPeriod(kind: ReportKind, period: string): boolean {
  return REPORT_PATTERN[kind].test(period)
}

/** A report period as people read it: `2026年11月` / `Nov 2026`, `2026年第4季度` / `Q4 2026`, `2026年下半年` / `H2 2026`. */
export function reportPeriodText(period: string, locale: string): string {
  const zh = locale.startsWith('zh')
  let m = REPORT_PATTERN.monthly.exec(period)
  if (m) return monthText(period, locale)
  m = REPORT_PATTERN.quarterly.exec(period)
  if (m) return zh ? `${m[1]}年第${m[2]}季度` : `Q${m[2]} ${m[1]}`
  m = REPORT_PATTERN['half-year'].exec(period)
  if (m) return zh ? `${m[1]}年${m[2] === '1' ? '上' : '下'}半年` : `H${m[2]} ${m[1]}`
  return period
}

/** A month `yyyy-MM` as people read it: `2026年3月` / `Mar 2026`. */
export function monthText(month: string, locale: string): string {
  const m = REPORT_PATTERN.monthly.exec(month)
  if (!m) return month
  if (locale.startsWith('zh')) return `${m[1]}年${Number(m[2])}月`
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)).toLocaleString('en', { month: 'short', year: 'numeric', timeZone: 'UTC' })
}
