import type { Schemas } from '../api/client'

/** The notification outbox (通知外发) as the centre sees it. */
export type Outbound = Schemas['Notification']
export type NotificationState = Schemas['NotificationState']
export type NotificationChannel = Schemas['NotificationChannel']
export type NotificationCount = Schemas['NotificationCounts']['counts'][number]

export const NOTIFICATION_STATES: NotificationState[] = ['pending', 'delivered', 'dead', 'unrouted']
export const NOTIFICATION_CHANNELS: NotificationChannel[] = ['inbox', 'sms', 'email', 'wecom']

/** `value` when it is one of `allowed` (e.g. from the address bar), else none. */
export function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | '' {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value) ? (value as T) : ''
}

/** One state's row of the counts table: per channel, and its total. */
export interface CountRow {
  state: NotificationState
  byChannel: Record<NotificationChannel, number>
  total: number
}

/** The counts as a table, a row per state and a column per channel (0 where the API listed none), with totals. */
export function countTable(counts: readonly NotificationCount[]): { rows: CountRow[]; byChannel: Record<NotificationChannel, number>; total: number } {
  const zero = () => Object.fromEntries(NOTIFICATION_CHANNELS.map((c) => [c, 0])) as Record<NotificationChannel, number>
  const rows = NOTIFICATION_STATES.map((state) => ({ state, byChannel: zero(), total: 0 }))
  const byChannel = zero()
  let total = 0
  for (const c of counts) {
    const row = rows.find((r) => r.state === c.state)
    if (!row || !(c.channel in byChannel)) continue
    row.byChannel[c.channel] += c.count
    row.total += c.count
    byChannel[c.channel] += c.count
    total += c.count
  }
  return { rows, byChannel, total }
}
