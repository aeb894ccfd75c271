import type { GridMap } from '../../api/client'
import type { CaseEvent, CityFigures, DistrictFigures } from '../types'

const box = (x: number, y: number, w = 0.01, h = 0.01) => ({ type: 'Polygon' as const, coordinates: [[[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]]] })
const feature = (code: string, name: string, level: 'district' | 'street' | 'community' | 'grid' | 'building', parentCode: string | undefined, x: number, y: number) => ({
  type: 'Feature' as const, id: code, properties: { code, name, nameEn: `${name} (en)`, level, ...(parentCode ? { parentCode } : {}) }, geometry: box(x, y),
})

/** A small district after Jizhou's tree: two streets, communities, grids and a building. */
export const MAP: GridMap = {
  type: 'FeatureCollection',
  features: [
    feature('360802', '吉州区', 'district', undefined, 114.88, 27.02),
    feature('360802001', '古南街道', 'street', '360802', 114.92, 27.02),
    feature('360802002', '永叔街道', 'street', '360802', 114.96, 27.02),
    feature('360802001001', '阳明社区', 'community', '360802001', 114.92, 27.03),
    feature('360802001002', '文山社区', 'community', '360802001', 114.93, 27.03),
    feature('360802001001001', '阳明小区网格', 'grid', '360802001001', 114.92, 27.06),
    feature('360802001001002', '白鹭洲网格', 'grid', '360802001001', 114.925, 27.06),
    feature('36080200100100101', '1栋', 'building', '360802001001001', 114.921, 27.061),
  ],
}

export function event(id: string, at: string, over: Partial<CaseEvent> = {}): CaseEvent {
  return {
    id, tenant: 'jizhou', caseId: `c-${id}`, caseNumber: `JZ-2026-${id.padStart(6, '0')}`, action: 'report', from: null, to: 'reported',
    category: 'CM0103', family: 'city-management', grid: '360802001001001', leadDepartment: null, channel: 'grid-worker', at, ...over,
  }
}

/** Figures as the contract's example, generated at 10:00:00 Beijing time. */
export function figures(): DistrictFigures {
  return {
    tenant: 'jizhou', name: '吉州区', generatedAt: '2026-12-06T02:00:00Z',
    mode: { tenant: 'jizhou', mode: 'normal', since: null, reason: null, switchedBy: null },
    today: { reported: 12, dispatched: 9, closed: 5 }, open: 40, overdue: 3, warning: 2,
    month: { period: '2026-12', due: 100, closed: 98, closedOnTime: 95, closureRate: 0.98, onTimeRate: 0.95, satisfaction: 4.6 },
    trend: [{ month: '2026-11', reported: 300, closed: 290, closureRate: 0.97 }, { month: '2026-12', reported: 120, closed: 98, closureRate: null }],
    families: [{ family: 'city-management', reported: 80, open: 25 }, { family: 'livelihood', reported: 30, open: 10 }],
    departments: [{ code: 'CG', name: '城管局', open: 20, overdue: 2, onTimeRate: 0.9 }, { code: 'GA', name: '公安分局', open: 5, overdue: 0, onTimeRate: 1 }],
    grids: { top: [{ code: '360802001001001', name: '阳明小区网格', closureRate: 1, closed: 10, due: 10 }], bottom: [] },
    openByGrid: { '360802001': 12, '360802001001': 5, '360802001001001': 3, '360802': 40 },
    dispatchToday: { count: 9, medianSeconds: 95, p90Seconds: 170, targetSeconds: 180, withinTarget: 8 },
    recent: [event('7', '2026-12-06T01:59:00Z'), event('6', '2026-12-06T01:58:00Z')],
  }
}

export function city(): CityFigures {
  const f = figures()
  const district = (tenant: string, name: string, open: number) => ({
    tenant, name, mode: { tenant, mode: 'normal' as const }, today: { reported: 1, dispatched: 1, closed: 0 }, open, overdue: 1, month: f.month, dispatchToday: f.dispatchToday,
  })
  return {
    generatedAt: f.generatedAt,
    districts: [district('jizhou', '吉州区', 40), district('donghu', '东湖区', 30)],
    totals: { today: { reported: 2, dispatched: 2, closed: 0 }, open: 70, overdue: 2, month: f.month },
    recent: f.recent,
  }
}
