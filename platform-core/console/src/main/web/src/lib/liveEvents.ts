import { fetchEventSource, EventStreamContentType } from '@microsoft/fetch-event-source'
import { bearer } from '../api/client'

/** `data` of an `event: case` frame: one committed step of a case, without personal data. */
export interface CaseEvent {
  id: string
  tenant: string
  caseId: string
  caseNumber: string
  action: string
  from?: string
  to: string
  category: string
  family: string
  grid?: string
  leadDepartment?: string
  channel?: string
  at: string
}

/** `data` of an `event: mode` frame. */
export interface ModeEvent {
  tenant: string
  mode: 'normal' | 'wartime'
  since?: string
  reason?: string
  switchedBy?: string
}

/** `data` of an `event: inbox` frame (`…/me/notifications/events`): my unread count, nothing else. */
export interface InboxEvent {
  unread: number
}

export interface LiveHandlers {
  onCase?: (e: CaseEvent) => void
  onMode?: (m: ModeEvent) => void
  onInbox?: (e: InboxEvent) => void
  /** The stream was too far behind to resume: read everything afresh. */
  onReset?: () => void
  /** Connected (true) or waiting to reconnect (false). */
  onStatus?: (connected: boolean) => void
}

/** Waits before reconnecting: 1 s, doubling to 30 s, with jitter so a wall of screens does not reconnect at once. */
export function retryDelay(attempt: number, random = Math.random): number {
  const base = Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt))
  return Math.round(base * (0.75 + random() * 0.5))
}

class Refused extends Error {}

/**
 * Follows a live event stream (`/api/v1/tenants/{t}/events`, `/api/v1/city/events`, or my inbox's
 * `/api/v1/tenants/{t}/me/notifications/events`) until `signal`
 * aborts: a fresh bearer token on every (re)connection, `Last-Event-ID` resume after a drop (the
 * library keeps the last id), reconnection with back-off. A 4xx answer other than 429 ends it.
 * `keepWhenHidden` keeps the stream open in a background tab (wall screens); otherwise it pauses.
 */
export function followEvents(path: string, handlers: LiveHandlers, signal: AbortSignal, keepWhenHidden = false): Promise<void> {
  let attempt = 0
  return fetchEventSource(path, {
    signal,
    openWhenHidden: keepWhenHidden,
    async fetch(input, init) {
      const headers = new Headers(init?.headers)
      const token = await bearer()
      if (token) headers.set('Authorization', `Bearer ${token}`)
      return window.fetch(input, { ...init, headers })
    },
    async onopen(response) {
      const type = response.headers.get('content-type') ?? ''
      if (response.ok && type.startsWith(EventStreamContentType)) {
        attempt = 0
        handlers.onStatus?.(true)
        return
      }
      if (response.status >= 400 && response.status < 500 && response.status !== 429) {
        throw new Refused(`HTTP ${response.status}`)
      }
      throw new Error(`HTTP ${response.status}`)
    },
    onmessage(frame) {
      if (!frame.data) return
      if (frame.event === 'case') handlers.onCase?.(JSON.parse(frame.data) as CaseEvent)
      else if (frame.event === 'mode') handlers.onMode?.(JSON.parse(frame.data) as ModeEvent)
      else if (frame.event === 'reset') handlers.onReset?.()
      else if (frame.event === 'inbox') handlers.onInbox?.(JSON.parse(frame.data) as InboxEvent)
    },
    onclose() {
      handlers.onStatus?.(false)
      throw new Error('stream ended') // the platform restarted or a proxy cut it: reconnect
    },
    onerror(err) {
      handlers.onStatus?.(false)
      if (err instanceof Refused) throw err // no retry: signed out, or not allowed
      return retryDelay(attempt++)
    },
  }).catch((err) => {
    if (!(err instanceof Refused)) throw err
  })
}
