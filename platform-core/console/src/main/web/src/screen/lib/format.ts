import { shortTime } from '../../lib/format'
import { hourMinuteText, wallClockOf } from '../../lib/zone'
/** Figures as the wall shows them: grouped counts, one-decimal percentages, durations in minutes and seconds. */

export type ScreenLocale = 'zh-CN' | 'en'

export function count(n: number | null | undefined, locale: ScreenLocale): string {
  return typeof n === 'number' && Number.isFinite(n) ? Math.round(n).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-CN') : '—'
}

/** A rate in [0, 1] as a percentage with one decimal; `null` (nothing was due) as a dash. */
export function percent(rate: number | null | undefined): string {
  return typeof rate === 'number' && Number.isFinite(rate) ? `${(rate * 100).toFixed(1)}%` : '—'
}

/** Seconds as "2分05秒" / "2 min 05 s" (under a minute: "45秒" / "45 s", whole minutes: "3分钟" / "3 min"); `null` as a dash. */
export function duration(seconds: number | null | undefined, locale: ScreenLocale): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) return '—'
  const s = Math.round(seconds)
  const m = Math.floor(s / 60)
  if (m && s % 60 === 0) return locale === 'en' ? `${m} min` : `${m}分钟`
  const rest = String(s % 60).padStart(m ? 2 : 1, '0')
  if (locale === 'en') return m ? `${m} min ${rest} s` : `${rest} s`
  return m ? `${m}分${rest}秒` : `${rest}秒`
}

/** A time of day (HH:mm:ss, or MM-dd HH:mm `withDate`) in the district's zone (`zone.ts`), or a dash. */
export function clock(iso: string | null | undefined, withDate = false): string {
  const w = wallClockOf(iso)
  if (!w) return '—'
  return withDate ? shortTime(iso) : `${hourMinuteText(w)}:${String(w.second).padStart(2, '0')}`
}

/** "2026-03" → "3月" / "Mar". */
export function monthLabel(month: string, locale: ScreenLocale): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month)
  if (!m) return month
  const n = Number(m[2])
  if (locale === 'en') return new Date(Date.UTC(2000, n - 1, 1)).toLocaleString('en-GB', { month: 'short', timeZone: 'UTC' })
  return `${n}月`
}

/** How long ago `iso` was, at `now`: "3小时12分" / "3 h 12 min". */
export function elapsed(iso: string | null | undefined, now: number, locale: ScreenLocale): string {
  if (!iso) return '—'
  const t = Date.parse(iso)
  if (!Number.isFinite(t)) return '—'
  const minutes = Math.max(0, Math.floor((now - t) / 60_000))
  const h = Math.floor(minutes / 60)
  const m = minutes % 60
  if (locale === 'en') return h ? `${h} h ${m} min` : `${m} min`
  return h ? `${h}小时${m}分` : `${m}分钟`
}

/** A shift's bound as HH:mm: from an instant (in the district's zone) or a time of day ("08:00"); empty when absent. */
export function hourMinute(value: string | null | undefined): string {
  if (!value) return ''
  if (/^\d{1,2}:\d{2}/.test(value)) return value.slice(0, value.indexOf(':') + 3)
  const full = clock(value, true)
  return full === '—' ? value : full.slice(full.indexOf(' ') + 1)
}

/** A shift "08:00–20:00" (either side may be missing; the same start and end is a 24-hour shift: "08:00 24h"). */
export function shift(from: string | null | undefined, to: string | null | undefined): string {
  const a = hourMinute(from)
  const b = hourMinute(to)
  if (a && a === b) return `${a} 24h`
  return a || b ? `${a}–${b}` : ''
}

/** A department's name without the district's name in front ("吉州区城市管理局" on Jizhou's wall → "城市管理局"). */
export function shortName(name: string, districtName: string | null | undefined): string {
  return districtName && name.startsWith(districtName) && name.length > districtName.length ? name.slice(districtName.length) : name
}
