/**
 * The district's time zone: every time the console shows or takes is in it, whatever zone the browser is in,
 * so a journal's timestamps, the notes the server writes (`2026-03-18 18:00`), the deadlines, the bell and the
 * lists all read alike. The sign-in sets it from the district's definition (`timeZone`, Asia/Shanghai by
 * default); the city's pages use the zone the districts share.
 */
export const DEFAULT_ZONE = 'Asia/Shanghai'

let zone = DEFAULT_ZONE
const formats = new Map<string, Intl.DateTimeFormat>()

/** The zone the console shows times in. */
export function displayZone(): string {
  return zone
}

/** Shows times in `next` from now on; an unknown or empty zone keeps the default. */
export function setDisplayZone(next: string | null | undefined): void {
  zone = next && isZone(next) ? next : DEFAULT_ZONE
}

/** Whether the browser knows `name` as an IANA zone. */
export function isZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name })
    return true
  } catch {
    return false
  }
}

/** A wall clock: the calendar fields of an instant in a zone (month 1–12). */
export interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

function formatFor(name: string): Intl.DateTimeFormat {
  let format = formats.get(name)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: name, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    })
    formats.set(name, format)
  }
  return format
}

/** The wall clock in `in_` (the display zone unless given) at `instant` (ms since the epoch). */
export function wallClockAt(instant: number, in_: string = zone): WallClock {
  const fields: Record<string, number> = {}
  for (const part of formatFor(in_).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value)
  }
  return { year: fields.year, month: fields.month, day: fields.day, hour: fields.hour % 24, minute: fields.minute, second: fields.second }
}

/** How far `in_` is ahead of UTC at `instant`, in ms (Beijing: 8 h all year). */
export function offsetAt(instant: number, in_: string = zone): number {
  const w = wallClockAt(instant, in_)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  return asUtc - (instant - (((instant % 1000) + 1000) % 1000))
}

/** The instant a wall-clock time in `in_` means (the later one when a clock change repeats it). */
export function instantOfWallClock(w: WallClock, in_: string = zone): number {
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  const guess = asUtc - offsetAt(asUtc, in_)
  return asUtc - offsetAt(guess, in_)
}

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0')

/** `yyyy-MM-dd` of a wall clock. */
export function dateText(w: WallClock): string {
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`
}

/** `HH:mm` of a wall clock. */
export function hourMinuteText(w: WallClock): string {
  return `${pad(w.hour)}:${pad(w.minute)}`
}

/** An ISO instant's wall clock in the display zone, or null when absent or not a time. */
export function wallClockOf(iso: string | null | undefined): WallClock | null {
  const t = iso ? Date.parse(iso) : Number.NaN
  return Number.isNaN(t) ? null : wallClockAt(t)
}

/** `±HH:mm`, the zone's offset at `instant`, as ISO 8601 writes it. */
export function offsetText(instant: number, in_: string = zone): string {
  const minutes = Math.round(offsetAt(instant, in_) / 60_000)
  return `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(minutes / 60))}:${pad(minutes % 60)}`
}

/** The display zone as people name it: 北京时间 / Beijing time for Asia/Shanghai, else its IANA id; with its UTC offset now. */
export function zoneName(locale: string, now: number = Date.now()): string {
  const offset = offsetText(now).replace(/^([+-])0?(\d+):00$/, '$1$2')
  const name = zone === DEFAULT_ZONE ? (locale === 'en' ? 'Beijing time' : '北京时间') : zone
  return `${name} (UTC${offset})`
}

/**
 * The zone a realm's people see times in: a district's own; for the city realm the zone every district shares
 * (the default when they differ or none is known).
 */
export function zoneOfRealm(realm: string, districts: { realm: string; timeZone?: string }[]): string {
  const own = districts.find((d) => d.realm === realm)
  if (own) return own.timeZone ?? DEFAULT_ZONE
  const zones = new Set(districts.map((d) => d.timeZone ?? DEFAULT_ZONE))
  return zones.size === 1 ? [...zones][0] : DEFAULT_ZONE
}
