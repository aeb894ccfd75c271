import { dateText, hourMinuteText, wallClockOf } from '../lib/zone'

/** A moment as the resident reads it: `2026-05-03 14:05` in the district's time (Beijing time), whatever the phone's zone. */
export function when(iso: string | undefined | null): string {
  if (!iso) return ''
  const w = wallClockOf(iso)
  return w ? `${dateText(w)} ${hourMinuteText(w)}` : iso
}
