import { EventStreamContentType, fetchEventSource } from '@microsoft/fetch-event-source'
import type { CaseEvent, DistrictMode } from '../types'

/** The stream's state, as the screen's header shows it. */
export type LiveState = 'connecting' | 'open' | 'retrying'

export interface LiveHandlers {
  onCase(event: CaseEvent): void
  onMode(mode: DistrictMode): void
  onState(state: LiveState, detail?: string): void
}

/**
 * The wait before reconnecting after the `attempt`-th failure in a row (0 = the first): doubling
 * from `base` up to `max`, each wait drawn between half and all of that (jitter, so that a hundred
 * wall screens do not reconnect in the same instant after a restart of the platform).
 */
export function backoffMs(attempt: number, base = 1000, max = 30_000, random: () => number = Math.random): number {
  const ceiling = Math.min(max, base * 2 ** Math.max(0, Math.min(attempt, 30)))
  return Math.round(ceiling * (0.5 + random() / 2))
}

/** A frame of the stream, parsed: a case event, a mode announcement, or nothing the screen uses. */
export function parseFrame(event: string, data: string, id?: string): { case?: CaseEvent; mode?: DistrictMode } {
  if (event !== 'case' && event !== 'mode') return {}
  let value: unknown
  try {
    value = JSON.parse(data)
  } catch {
    return {}
  }
  if (!value || typeof value !== 'object') return {}
  if (event === 'mode') {
    const m = value as DistrictMode
    return typeof m.tenant === 'string' && (m.mode === 'normal' || m.mode === 'wartime') ? { mode: m } : {}
  }
  const e = value as CaseEvent
  if (typeof e.id !== 'string' && id) e.id = id
  return typeof e.id === 'string' && typeof e.tenant === 'string' && typeof e.to === 'string' && typeof e.at === 'string' ? { case: e } : {}
}

class StreamClosed extends Error {}

/**
 * Follows the platform's event stream at `url` (`text/event-stream`) with the bearer token of
 * `token()` fetched afresh for every connection (so a refreshed token is used on reconnect):
 * resumes with `Last-Event-ID` after a drop (fetch-event-source keeps the last `id:`), reconnects
 * with back-off on every failure or end of the stream, and keeps running while the tab is hidden
 * (a wall's browser may be in the background); it ends when the page is left (`pagehide`).
 * Returns the function that stops it.
 */
export function followEvents(url: string, token: () => Promise<string | null>, handlers: LiveHandlers): () => void {
  const stop = new AbortController()
  // a page being left (or put into the back/forward cache) closes its stream: an open stream would
  // hold one of the browser's six connections to the platform while the page is not even shown
  const leave = () => stop.abort()
  window.addEventListener('pagehide', leave, { once: true })
  stop.signal.addEventListener('abort', () => window.removeEventListener('pagehide', leave))
  let failures = 0
  handlers.onState('connecting')
  void fetchEventSource(url, {
    signal: stop.signal,
    openWhenHidden: true,
    headers: { accept: EventStreamContentType },
    async fetch(input, init) {
      const headers = new Headers(init?.headers)
      const t = await token()
      if (t) headers.set('Authorization', `Bearer ${t}`)
      return fetch(input, { ...init, headers, cache: 'no-store' })
    },
    async onopen(response) {
      const type = response.headers.get('content-type') ?? ''
      if (!response.ok || !type.startsWith(EventStreamContentType)) {
        throw new StreamClosed(`HTTP ${response.status}`)
      }
      failures = 0
      handlers.onState('open')
    },
    onmessage(message) {
      const frame = parseFrame(message.event, message.data, message.id)
      if (frame.case) handlers.onCase(frame.case)
      if (frame.mode) handlers.onMode(frame.mode)
    },
    onclose() {
      // the platform ended the stream (a restart, a proxy's time-out): come back
      throw new StreamClosed('closed')
    },
    onerror(error) {
      const wait = backoffMs(failures++)
      handlers.onState('retrying', error instanceof Error ? error.message : String(error))
      return wait
    },
  }).catch(() => {})
  return () => stop.abort()
}
