import { computed, onScopeDispose, ref, shallowRef } from 'vue'
import { ApiError, bearer } from '../api/client'
import { cityEvents, cityFigures } from './api'
import { followEvents, type LiveState } from './lib/live'
import { mergeFeed, overlayCity, pending } from './lib/feed'
import { modesOf } from './lib/mode'
import { AFTER_EVENT_MS, REFRESH_MS } from './useDistrictScreen'
import type { CaseEvent, CityFigures, DistrictMode } from './types'

/** The city's wall: every district's figures (every 30 s and after events), the city's event stream laid over them, and each district's mode. */
export function useCityScreen() {
  const figures = shallowRef<CityFigures | null>(null)
  const error = shallowRef<ApiError | null>(null)
  const later = shallowRef<CaseEvent[]>([])
  const feed = shallowRef<CaseEvent[]>([])
  const fresh = shallowRef<ReadonlySet<string>>(new Set())
  const frames = shallowRef<DistrictMode[]>([])
  const live = ref<LiveState>('connecting')

  const shown = computed(() => (figures.value ? overlayCity(figures.value, later.value) : null))
  const modes = computed(() => modesOf(Object.fromEntries((figures.value?.districts ?? []).map((d) => [d.tenant, d.mode])), frames.value))
  const names = computed(() => Object.fromEntries((figures.value?.districts ?? []).map((d) => [d.tenant, d.name])))

  let stopped = false
  let refresh: number | undefined
  let soon: number | undefined

  async function load() {
    window.clearTimeout(refresh)
    try {
      const f = await cityFigures()
      figures.value = f
      feed.value = mergeFeed(feed.value, f.recent ?? [])
      error.value = null
      later.value = pending(later.value, f.generatedAt)
    } catch (e) {
      error.value = e instanceof ApiError ? e : new ApiError({ status: 0, detail: String(e) })
    }
    if (!stopped) refresh = window.setTimeout(load, REFRESH_MS)
  }

  const stop = followEvents(cityEvents, bearer, {
    onCase(e) {
      later.value = [...later.value, e].slice(-5000)
      feed.value = mergeFeed(feed.value, [e])
      fresh.value = new Set([...fresh.value, e.id].slice(-100))
      if (soon === undefined) {
        soon = window.setTimeout(() => {
          soon = undefined
          void load()
        }, AFTER_EVENT_MS)
      }
    },
    onMode(m) {
      frames.value = [...frames.value.filter((f) => f.tenant !== m.tenant), m]
    },
    onState: (s) => (live.value = s),
  })

  void load()
  onScopeDispose(() => {
    stopped = true
    stop()
    window.clearTimeout(refresh)
    window.clearTimeout(soon)
  })

  return { figures: shown, error, feed, fresh, modes, names, live }
}
