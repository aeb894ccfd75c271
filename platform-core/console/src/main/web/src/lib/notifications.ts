import type { Schemas } from '../api/client'

export type InboxItem = Schemas['InboxItem']
export type NotificationPreferences = Schemas['NotificationPreferences']
export type NotifyChannel = NotificationPreferences['channels'][number]

/** How often the bell asks for the unread count while its live stream is down (the stream pushes it otherwise). */
export const POLL_MS = 30_000

/** My inbox's live stream (ADR 0031): `event: inbox` with the unread count at connect and on every change. */
export function inboxStreamPath(district: string): string {
  return `/api/v1/tenants/${encodeURIComponent(district)}/me/notifications/events`
}

/** Roles with an in-app inbox (the API's `me/notifications`); the city and residents have none. */
const INBOX_ROLES = ['district-admin', 'dispatcher', 'grid-worker', 'department-handler', 'mediator', 'social-worker']
export function hasInbox(roles: readonly string[]): boolean {
  return roles.some((r) => INBOX_ROLES.includes(r))
}

/** The badge's text: nothing at 0, the count up to 99, then 99+. */
export function badgeText(unread: number): string {
  if (unread <= 0) return ''
  return unread > 99 ? '99+' : String(unread)
}

export const CHANNELS: NotifyChannel[] = ['inbox', 'sms', 'email']

/** The channels as stored: the inbox always on, in a fixed order, each once. */
export function normalChannels(chosen: readonly string[]): NotifyChannel[] {
  return CHANNELS.filter((c) => c === 'inbox' || chosen.includes(c))
}

const HHMM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/

/** What is wrong with quiet hours (both times or neither; HH:mm; start and end differ). */
export function quietProblem(start: string | null | undefined, end: string | null | undefined): 'incomplete' | 'format' | 'same' | null {
  if (!start && !end) return null
  if (!start || !end) return 'incomplete'
  if (!HHMM.test(start) || !HHMM.test(end)) return 'format'
  if (start === end) return 'same'
  return null
}

/** The preferences to PUT from the form's values. */
export function preferencesBody(channels: readonly string[], start?: string | null, end?: string | null): NotificationPreferences {
  const body: NotificationPreferences = { channels: normalChannels(channels) }
  if (start && end) body.quietHours = { start, end }
  return body
}
