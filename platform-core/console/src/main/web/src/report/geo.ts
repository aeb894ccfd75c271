import type { GridMap } from './api'

export type Feature = GridMap['features'][number]
type Ring = number[][]

/** The rings of a Polygon or MultiPolygon, outer rings and holes alike. */
function polygons(f: Feature): Ring[][] {
  const c = f.geometry.coordinates as unknown
  return f.geometry.type === 'Polygon' ? [c as Ring[]] : (c as Ring[][])
}

/** Ray casting: whether [lon, lat] lies inside the ring. */
function inRing(ring: Ring, lon: number, lat: number): boolean {
  let inside = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]
    const [xj, yj] = ring[j]
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside
  }
  return inside
}

/** Whether the point lies in the feature's area (inside an outer ring, outside its holes). */
export function contains(f: Feature, lon: number, lat: number): boolean {
  return polygons(f).some(([outer, ...holes]) => inRing(outer, lon, lat) && !holes.some((h) => inRing(h, lon, lat)))
}

const DEPTH: Record<string, number> = { district: 0, street: 1, community: 2, grid: 3, building: 4 }

/** The finest grid (grid, then community, then street) whose area holds the point, or null. */
export function gridAt(map: GridMap, lon: number, lat: number): Feature | null {
  let best: Feature | null = null
  for (const f of map.features) {
    if (f.properties.level === 'district' || !contains(f, lon, lat)) continue
    if (!best || (DEPTH[f.properties.level] ?? 0) > (DEPTH[best.properties.level] ?? 0)) best = f
  }
  return best
}

/** [west, south, east, north] of the features. */
export function bounds(features: Feature[]): [number, number, number, number] {
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity
  for (const f of features) {
    for (const rings of polygons(f)) {
      for (const ring of rings) {
        for (const [x, y] of ring) {
          w = Math.min(w, x); e = Math.max(e, x); s = Math.min(s, y); n = Math.max(n, y)
        }
      }
    }
  }
  return [w, s, e, n]
}

/**
 * A plane for a district-sized area: longitude scaled by the cosine of the middle latitude
 * (equirectangular; over a few tens of kilometres the error is far below a tap's width), latitude
 * upwards, in units of 1/1000 degree so that SVG coordinates stay readable.
 */
export function plane(midLatitude: number) {
  const k = Math.cos((midLatitude * Math.PI) / 180)
  return {
    toXY: (lon: number, lat: number): [number, number] => [lon * k * 1000, -lat * 1000],
    toLonLat: (x: number, y: number): [number, number] => [x / k / 1000, -y / 1000],
  }
}

/** An SVG path of the feature in the plane. */
export function svgPath(f: Feature, toXY: (lon: number, lat: number) => [number, number]): string {
  return polygons(f)
    .flatMap((rings) => rings.map((ring) => 'M' + ring.map(([lon, lat]) => toXY(lon, lat).map((v) => v.toFixed(2)).join(' ')).join('L') + 'Z'))
    .join('')
}
