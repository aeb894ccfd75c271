import type { GridMap } from '../../api/client'

export type GridFeature = GridMap['features'][number]

/** The levels the map drills through: the district shows its streets, a street its communities, a community its grids. */
export const DRILL_LEVELS = ['street', 'community', 'grid'] as const

/**
 * Where the map is: the codes clicked from the district down (empty: the whole district; one
 * street; a street and one of its communities). Immutable: every step gives a new value.
 */
export type DrillPath = readonly string[]

/** The regions drawn for `path`: the children of its last node, or the district's streets at the top. */
export function regionsAt(features: readonly GridFeature[], path: DrillPath): GridFeature[] {
  const parent = path.length ? path[path.length - 1] : null
  if (parent === null) {
    const district = features.find((f) => f.properties.level === 'district')
    const under = district ? features.filter((f) => f.properties.parentCode === district.properties.code) : []
    return under.length ? under : features.filter((f) => f.properties.level === 'street')
  }
  return features.filter((f) => f.properties.parentCode === parent && f.properties.level !== 'building')
}

/** Whether clicking `code` opens a level below it: a street or community that has regions to show. */
export function canDrill(features: readonly GridFeature[], code: string): boolean {
  const f = features.find((x) => x.properties.code === code)
  if (!f || f.properties.level === 'grid' || f.properties.level === 'building') return false
  return features.some((x) => x.properties.parentCode === code && x.properties.level !== 'building')
}

/** The path after clicking region `code` on the map at `path`: one level down, or unchanged for a leaf or a stranger. */
export function drillInto(features: readonly GridFeature[], path: DrillPath, code: string): DrillPath {
  if (!regionsAt(features, path).some((f) => f.properties.code === code)) return path
  return canDrill(features, code) ? [...path, code] : path
}

/** One level up (the district stays the district). */
export function drillUp(path: DrillPath): DrillPath {
  return path.slice(0, -1)
}

/** The names along the path, the district first, for the breadcrumb ("吉州区 › 古南街道 › 阳明社区"). */
export function breadcrumb(features: readonly GridFeature[], path: DrillPath, districtName: string, english: boolean): string[] {
  return [districtName, ...path.map((code) => nameOf(features.find((f) => f.properties.code === code), code, english))]
}

export function nameOf(f: GridFeature | undefined, fallback: string, english: boolean): string {
  if (!f) return fallback
  return english && f.properties.nameEn ? f.properties.nameEn : f.properties.name
}

/** The open cases of each region drawn (0 where the figures list none), in the order of `regions`. */
export function openCounts(regions: readonly GridFeature[], openByGrid: Readonly<Record<string, number>>): { code: string; value: number }[] {
  return regions.map((f) => ({ code: f.properties.code, value: openByGrid[f.properties.code] ?? 0 }))
}

/** A GeoJSON collection of the regions, as ECharts' registerMap takes it. */
export function collectionOf(regions: readonly GridFeature[]): { type: 'FeatureCollection'; features: GridFeature[] } {
  return { type: 'FeatureCollection', features: [...regions] }
}

/** A region's bounding box [west, south, east, north] from its Polygon or MultiPolygon. */
export function bboxOf(f: GridFeature): [number, number, number, number] {
  let box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity]
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') {
      box = [Math.min(box[0], c[0]), Math.min(box[1], c[1]), Math.max(box[2], c[0]), Math.max(box[3], c[1])]
    } else if (Array.isArray(c)) c.forEach(visit)
  }
  visit(f.geometry.coordinates)
  return box
}

/**
 * Open cases under the node shown that no drawn region holds (grids without a boundary, cases
 * without a grid): the node's count minus the regions' counts, never below zero.
 */
export function elsewhere(nodeTotal: number, counts: readonly { value: number }[]): number {
  return Math.max(0, nodeTotal - counts.reduce((sum, c) => sum + c.value, 0))
}
