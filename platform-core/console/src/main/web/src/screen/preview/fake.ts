import jizhouGrids from '../../../../../../../../tenants/jizhou/grids.yaml?raw'
import type { GridMap } from '../../api/client'
import type { CaseEvent, CityFigures, DistrictFigures, DistrictMode, ModeDetail } from '../types'

type Feature = GridMap['features'][number]

/** The grid tree of a tenant's grids.yaml as GeoJSON (what GET …/grids/map answers), read line by line: enough for the demo files. */
export function gridsOf(yaml: string): GridMap {
  const features: Feature[] = []
  const stack: { indent: number; code: string }[] = []
  let node: Partial<Feature['properties']> & { indent?: number; boundary?: string } = {}
  const flush = () => {
    if (node.code && node.boundary) {
      const coordinates = JSON.parse(node.boundary.replace(/^.*coordinates:\s*/, '').replace(/\}\s*$/, ''))
      features.push({ type: 'Feature', id: node.code, properties: { code: node.code, name: node.name ?? node.code, nameEn: node.nameEn,
        level: node.level as Feature['properties']['level'], parentCode: node.parentCode }, geometry: { type: 'Polygon', coordinates } })
    }
  }
  for (const line of yaml.split('\n')) {
    const m = /^(\s*)(- )?(code|name|nameEn|level|boundary):\s*(.*)$/.exec(line)
    if (!m) continue
    const indent = m[1].length + (m[2] ? 2 : 0)
    const value = m[4].replace(/^"|"$/g, '')
    if (m[3] === 'code') {
      flush()
      while (stack.length && stack[stack.length - 1].indent >= indent) stack.pop()
      node = { code: value, parentCode: stack[stack.length - 1]?.code, indent }
      stack.push({ indent, code: value })
    } else if (m[3] === 'level') node.level = value.toLowerCase() as never
    else if (m[3] === 'boundary') node.boundary = value
    else node[m[3] as 'name' | 'nameEn'] = value
  }
  flush()
  return { type: 'FeatureCollection', features }
}

const now = () => new Date().toISOString()
const months = Array.from({ length: 12 }, (_, i) => {
  const d = new Date(Date.UTC(2026, i, 1))
  return d.toISOString().slice(0, 7)
})

function districtFigures(tenant: string, name: string, map: GridMap, mode: DistrictMode): DistrictFigures {
  const openByGrid: Record<string, number> = {}
  let seed = 7
  const rnd = (n: number) => ((seed = (seed * 9301 + 49297) % 233280) / 233280) * n
  for (const f of map.features.filter((x) => x.properties.level === 'grid')) {
    const n = Math.round(rnd(60)) + 3
    for (let code: string | undefined = f.properties.code; code; code = map.features.find((x) => x.properties.code === code)?.properties.parentCode) {
      openByGrid[code] = (openByGrid[code] ?? 0) + n
    }
  }
  const grids = map.features.filter((x) => x.properties.level === 'grid').map((f, i) => ({ code: f.properties.code, name: f.properties.name,
    closureRate: 1 - i * 0.031, closed: 80 - i, due: 82 }))
  return {
    tenant, name, generatedAt: now(), mode,
    today: { reported: 286, dispatched: 241, closed: 198 }, open: 1204, overdue: 37, warning: 58,
    month: { period: '2026-12', due: 2310, closed: 2261, closedOnTime: 2190, closureRate: 0.9788, onTimeRate: 0.9481, satisfaction: 4.62 },
    trend: months.map((month, i) => ({ month, reported: 700 + Math.round(rnd(300)) + i * 10, closed: 680 + Math.round(rnd(280)) + i * 10, closureRate: 0.9 + rnd(0.09) })),
    families: [{ family: 'city-management', reported: 5820, open: 640 }, { family: 'livelihood', reported: 2970, open: 380 }, { family: 'comprehensive-governance', reported: 1310, open: 184 }],
    departments: [['CG', '区城管局', 312, 12], ['HW', '区环卫处', 201, 4], ['GA', '公安吉州分局', 160, 9], ['SJ', '区市场监管局', 121, 3], ['ZJ', '区住建局', 98, 5], ['SW', '区水利局', 61, 1], ['JT', '区交通运输局', 44, 0], ['XF', '区消防救援大队', 20, 0]]
      .map(([code, n, open, overdue]) => ({ code: code as string, name: n as string, open: open as number, overdue: overdue as number, onTimeRate: 0.9 })),
    grids: { top: grids.slice(0, 5), bottom: [...grids].reverse().slice(0, 5) },
    openByGrid,
    dispatchToday: { count: 241, medianSeconds: 96, p90Seconds: 171, targetSeconds: 180, withinTarget: 228 },
    recent: Array.from({ length: 20 }, (_, i) => fakeEvent(tenant, map, i, Date.now() - (20 - i) * 47_000)),
  }
}

let counter = 100
const actions: [string, string | null, string][] = [['report', null, 'reported'], ['register-dispatch', 'reported', 'dispatched'], ['accept', 'dispatched', 'handling'],
  ['feedback', 'handling', 'feedback'], ['close', 'verified', 'closed']]
function fakeEvent(tenant: string, map: GridMap, i: number, at = Date.now()): CaseEvent {
  const grids = map.features.filter((x) => x.properties.level === 'grid')
  const [action, from, to] = actions[i % actions.length]
  const id = String(counter++)
  return { id, tenant, caseId: `c${id}`, caseNumber: `JZ20261206${id.padStart(5, '0')}`, action, from, to, category: ['CM0103', 'LS0201', 'CG0105'][i % 3],
    family: ['city-management', 'livelihood', 'comprehensive-governance'][i % 3], grid: grids[i % grids.length]?.properties.code ?? null,
    leadDepartment: to === 'reported' ? null : ['CG', 'HW', 'GA'][i % 3], channel: 'grid-worker', at: new Date(at).toISOString() }
}

/** Answers the screen's API calls with invented figures and streams an event every 2 s. */
export function installFakePlatform(wall: string, wartime: boolean): void {
  const map = gridsOf(jizhouGrids)
  const mode: DistrictMode = wartime
    ? { tenant: wall, mode: 'wartime', since: new Date(Date.now() - 3 * 3600_000 - 12 * 60_000).toISOString(), reason: '赣江超警戒水位，启动防汛Ⅳ级应急响应', switchedBy: 'jz-admin' }
    : { tenant: wall, mode: 'normal', since: null, reason: null, switchedBy: null }
  const detail: ModeDetail = { ...mode, plan: { limits: { simple: 'PT30M' }, commandPostCategories: ['CG0105', 'CM0103'] },
    roster: [['总指挥', '罗文斌', '13900000002'], ['值班调度', '胡春梅', '13900000102'], ['城管值班', '郭建军', '13900000402'], ['公安值班', '彭雪梅', '13900000502'],
      ['水利值班', '刘志强', '13900000602'], ['应急值班', '陈慧', '13900000702']].map(([post, name, phone]) => ({ post, name, phone, from: '08:00', to: '20:00' })) }
  const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } })
  const real = window.fetch.bind(window)
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
    const path = new URL(url, window.location.href).pathname
    if (path.endsWith('/grids/map')) return json(map)
    if (path.endsWith('/screen/panels')) return new Response('', { status: 404 })
    if (path.endsWith('/mode')) return json(detail)
    if (path === '/api/v1/city/screen') {
      const d = districtFigures('jizhou', '吉州区', map, mode)
      const district = (tenant: string, name: string, k: number, m: DistrictMode) => ({ tenant, name, mode: m, today: { reported: Math.round(286 * k), dispatched: Math.round(241 * k), closed: Math.round(198 * k) },
        open: Math.round(1204 * k), overdue: Math.round(37 * k), month: d.month, dispatchToday: d.dispatchToday })
      const body: CityFigures = { generatedAt: now(), districts: [district('jizhou', '吉州区', 1, mode), district('donghu', '东湖区', 1.4, { tenant: 'donghu', mode: 'normal' }),
        district('jiangbei', '江北区', 0.8, { tenant: 'jiangbei', mode: 'normal' })], totals: { today: { reported: 915, dispatched: 771, closed: 634 }, open: 3853, overdue: 118, month: d.month },
        recent: d.recent }
      return json(body)
    }
    if (path.endsWith('/screen')) return json(districtFigures(wall, '吉州区', map, mode))
    if (path.endsWith('/events')) {
      let i = 0
      let timer: number | undefined
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          const enc = new TextEncoder()
          controller.enqueue(enc.encode(`event: mode\ndata: ${JSON.stringify(mode)}\n\n`))
          timer = window.setInterval(() => {
            const e = fakeEvent(wall === 'city' ? ['jizhou', 'donghu', 'jiangbei'][i % 3] : wall, map, i++)
            controller.enqueue(enc.encode(`event: case\nid: ${e.id}\ndata: ${JSON.stringify(e)}\n\n`))
          }, 2000)
          init?.signal?.addEventListener('abort', () => window.clearInterval(timer))
        },
        cancel() {
          window.clearInterval(timer)
        },
      })
      return new Response(stream, { headers: { 'Content-Type': 'text/event-stream' } })
    }
    return real(input, init)
  }
}
