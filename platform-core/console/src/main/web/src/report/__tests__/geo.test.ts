import { describe, expect, it } from 'vitest'
import type { GridMap } from '../api'
import { bounds, contains, gridAt, plane, svgPath } from '../geo'

const rect = (w: number, s: number, e: number, n: number) => [[[w, s], [e, s], [e, n], [w, n], [w, s]]]
const feature = (code: string, level: string, coordinates: unknown, type: 'Polygon' | 'MultiPolygon' = 'Polygon') => ({
  type: 'Feature' as const, id: code, properties: { code, name: code, level }, geometry: { type, coordinates: coordinates as unknown[] },
})
const map = {
  type: 'FeatureCollection',
  features: [
    feature('d', 'district', rect(114.88, 27.02, 115.08, 27.2)),
    feature('s', 'street', rect(114.92, 27.02, 114.96, 27.11)),
    feature('c', 'community', [rect(114.923, 27.03, 114.938, 27.1)[0], rect(114.93, 27.05, 114.932, 27.052)[0]]),
    feature('g', 'grid', rect(114.924, 27.067, 114.930, 27.095)),
    feature('m', 'grid', [rect(115.0, 27.15, 115.01, 27.16), rect(115.02, 27.15, 115.03, 27.16)], 'MultiPolygon'),
  ],
} as unknown as GridMap

describe('grids under a point', () => {
  it('finds the finest grid holding the point', () => {
    expect(gridAt(map, 114.927, 27.08)?.properties.code).toBe('g')
    expect(gridAt(map, 114.935, 27.04)?.properties.code).toBe('c')
    expect(gridAt(map, 114.95, 27.04)?.properties.code).toBe('s')
    expect(gridAt(map, 115.025, 27.155)?.properties.code).toBe('m')
  })
  it('leaves out holes, gaps and the district itself', () => {
    expect(gridAt(map, 114.931, 27.051)?.properties.code).toBe('s')
    expect(gridAt(map, 115.015, 27.155)).toBeNull()
    expect(gridAt(map, 116, 28)).toBeNull()
    expect(contains(map.features[0], 115, 27.1)).toBe(true)
  })
})

describe('the plane of the SVG map', () => {
  it('goes there and back', () => {
    const p = plane(27.1)
    const [x, y] = p.toXY(114.95, 27.08)
    const [lon, lat] = p.toLonLat(x, y)
    expect(lon).toBeCloseTo(114.95, 9)
    expect(lat).toBeCloseTo(27.08, 9)
  })
  it('keeps distances east and north in proportion at the district', () => {
    const p = plane(27.1)
    const [x0, y0] = p.toXY(115, 27.1)
    const [x1] = p.toXY(115.01, 27.1)
    const [, y1] = p.toXY(115, 27.11)
    // a hundredth of a degree east is cos(27.1°) of one north
    expect((x1 - x0) / (y0 - y1)).toBeCloseTo(Math.cos((27.1 * Math.PI) / 180), 6)
  })
  it('bounds and draws every ring', () => {
    expect(bounds(map.features.slice(1, 2))).toEqual([114.92, 27.02, 114.96, 27.11])
    expect(svgPath(map.features[4], (lon, lat) => [lon, lat]).match(/M/g)).toHaveLength(2)
  })
})
