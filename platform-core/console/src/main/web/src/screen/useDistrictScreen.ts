import { computed, onScopeDispose, ref, shallowRef } from 'vue'
import { ApiError, bearer, type GridMap } from '../api/client'
import { districtEvents, districtFigures, districtMode, gridMap } from './api'
import { followEvents, type LiveState } from './lib/live'
import { mergeFeed, overlay, pending } from './lib/feed'
import { isWartime, newerMode } from './lib/mode'
import type { CaseEvent, DistrictFigures, DistrictMode, ModeDetail } from './types'

/** How often the figures are read again without events (the platform caches them for up to 5 s). */
export const REFRESH_MS = 30_000
/** After an event, the figures are read again this much later (past the platform's cache), at most once per wait. */
export const AFTER_EVENT_MS = 6_000

/**
 * A district's wall: the figures (every 30 s and soon after events), the live events laid over
 * them and kept in the feed, the operating mode (figures and `mode` frames, the switch made last
 * wins) with the emergency plan and duty roster while in wartime, and the grid map.
 */
export function useDistrictScreen(tenant: string) {
  const figures = shallowRef<DistrictFigures | null>(null)
  const error = shallowRef<ApiError | null>(null)
  const later = shallowRef<CaseEvent[]>([])
  const feed = shallowRef<CaseEvent[]>([])
  const mode = shallowRef<DistrictMode | null>(null)
  const detail = shallowRef<ModeDetail | null>(null)
  const live = ref<LiveState>('connecting')
  const map = shallowRef<GridMap | null>(null)
  /** Events that came over the stream (not in the first figures), marked fresh in the feed. */
  const fresh = shallowRef<ReadonlySet<string>>(new Set())

  const parents = computed(() => new Map((map.value?.features ?? []).map((f) => [f.properties.code, f.properties.parentCode ?? null])))
  const shown = computed(() => (figures.value ? overlay(figures.value, later.value, (code) => parents.value.get(code)) : null))
  const wartime = computed(() => isWartime(mode.value))
  const commandPostCategories = computed(() => (wartime.value ? detail.value?.plan?.commandPostCategories ?? [] : []))

  let stopped = false
  let refresh: number | undefined
  let soon: number | undefined

  async function load() {
    window.clearTimeout(refresh)
    try {
      const f = await districtFigures(tenant)
      figures.value = f
      error.value = null
      later.value = pending(later.value, f.generatedAt)
      feed.value = mergeFeed(feed.value, f.recent ?? [])
      setMode(f.mode)
    } catch (e) {
      error.value = e instanceof ApiError ? e : new ApiError({ status: 0, detail: String(e) })
    }
    if (!stopped) refresh = window.setTimeout(load, REFRESH_MS)
  }

  async function loadDetail() {
    try {
      detail.value = await districtMode(tenant)
    } catch {
      detail.value = null
    }
  }

  function setMode(m: DistrictMode | null | undefined) {
    const next = newerMode(mode.value, m ?? null)
    if (next === mode.value) return
    const switched = isWartime(next) !== isWartime(mode.value) || next?.since !== mode.value?.since
    mode.value = next
    if (switched && isWartime(next)) void loadDetail()
  }

  function onCase(e: CaseEvent) {
    if (e.tenant !== tenant) return
    later.value = [...later.value, e].slice(-5000)
    feed.value = mergeFeed(feed.value, [e])
    fresh.value = new Set([...fresh.value, e.id].slice(-100))
    if (soon === undefined) {
      soon = window.setTimeout(() => {
        soon = undefined
        void load()
      }, AFTER_EVENT_MS)
    }
  }

  const stopEvents = followEvents(districtEvents(tenant), bearer, {
    onCase,
    onMode: (m) => {
      if (m.tenant === tenant) setMode(m)
    },
    onState: (s) => (live.value = s),
  })
  // the duty roster may change during an emergency: read it again every minute while it lasts
  const rosterTimer = window.setInterval(() => {
    if (wartime.value) void loadDetail()
  }, 60_000)

  void load()
  gridMap(tenant).then((m) => (map.value = m), () => (map.value = { type: 'FeatureCollection', features: [] }))

  onScopeDispose(() => {
    stopped = true
    stopEvents()
    window.clearTimeout(refresh)
    window.clearTimeout(soon)
    window.clearInterval(rosterTimer)
  })

  return { figures: shown, error, feed, fresh, mode, detail, wartime, commandPostCategories, live, map, reload: load }
}
