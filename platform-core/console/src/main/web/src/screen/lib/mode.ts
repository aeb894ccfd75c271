import type { CaseEvent, DistrictMode } from '../types'

function since(m: DistrictMode): number {
  const t = m.since ? Date.parse(m.since) : NaN
  return Number.isFinite(t) ? t : -Infinity
}

/**
 * The mode to show when two sources disagree (the figures, cached up to 5 s, and the stream's
 * `mode` frames): the one switched last; on a tie the one that came last (`incoming`).
 */
export function newerMode(current: DistrictMode | null, incoming: DistrictMode | null): DistrictMode | null {
  if (!incoming) return current
  if (!current || current.tenant !== incoming.tenant) return incoming
  return since(incoming) >= since(current) ? incoming : current
}

export function isWartime(m: DistrictMode | null | undefined): boolean {
  return m?.mode === 'wartime'
}

/**
 * Whether an event's case goes to the command post in wartime, as the emergency plan decides it:
 * its category, the category's major class (the first four characters, `CG07` for `CG0701`) or its
 * family (`comprehensive-governance`) is among the plan's `commandPostCategories`.
 */
export function isCommandPost(e: CaseEvent, categories: readonly string[] | null | undefined): boolean {
  if (!categories?.length) return false
  const c = e.category ?? ''
  return (!!c && (categories.includes(c) || (c.length > 4 && categories.includes(c.slice(0, 4)))))
    || (!!e.family && categories.includes(e.family))
}

/** The modes of a city's districts with the stream's frames laid over (a frame for a district replaces an older mode). */
export function modesOf(base: Record<string, DistrictMode>, frames: readonly DistrictMode[]): Record<string, DistrictMode> {
  const out = { ...base }
  for (const f of frames) {
    const m = newerMode(out[f.tenant] ?? null, f)
    if (m) out[f.tenant] = m
  }
  return out
}
