import { describe, expect, it } from 'vitest'
import { chartPixelRatio, fitCanvas, transformOf } from '../lib/scale'
import { bboxOf, breadcrumb, canDrill, drillInto, drillUp, elsewhere, openCounts, regionsAt } from '../lib/drill'
import { deltaOf, eventsAfter, FEED_SIZE, isOpen, mergeFeed, overlay, overlayCity, pending } from '../lib/feed'
import { backoffMs, parseFrame } from '../lib/live'
import { isCommandPost, modesOf, newerMode } from '../lib/mode'
import { pathOf, routeOf } from '../lib/route'
import { count, duration, elapsed, hourMinute, monthLabel, percent, shift, shortName } from '../lib/format'
import { departmentsOption, dispatchOption, familiesOption, familyName, mapOption, trendOption, districtsOption } from '../lib/options'
import { PALETTE } from '../lib/palette'
import { languageFromQuery } from '../i18n'
import { mustSignInAgain, readKioskTokens } from '../../auth/session'
import zh from '../messages/zh-CN'
import en from '../messages/en'
import { city, event, figures, MAP } from './fixtures'

const words = (key: string, values?: Record<string, unknown>) => `${key}${values ? JSON.stringify(values) : ''}`

describe('the canvas scaling', () => {
  it('fills 1080p at 1, a 4K wall at 2 and letterboxes other shapes, centred', () => {
    expect(fitCanvas(1920, 1080)).toEqual({ scale: 1, left: 0, top: 0 })
    expect(fitCanvas(3840, 2160)).toEqual({ scale: 2, left: 0, top: 0 })
    expect(fitCanvas(1366, 768).scale).toBeCloseTo(0.7111, 3)
    // a 16:10 monitor: full width, bands above and below
    const wide = fitCanvas(1920, 1200)
    expect(wide.scale).toBe(1)
    expect(wide.top).toBe(60)
    // ultra-wide: full height, bands left and right
    const ultra = fitCanvas(5760, 1080)
    expect(ultra).toEqual({ scale: 1, left: 1920, top: 0 })
    expect(transformOf(fitCanvas(960, 540))).toBe('translate(0px, 0px) scale(0.5)')
  })
  it('keeps scale 1 for a window of no size (a hidden tab)', () => {
    expect(fitCanvas(0, 0)).toEqual({ scale: 1, left: 0, top: 0 })
    expect(fitCanvas(Number.NaN, 1080).scale).toBe(1)
  })
  it('draws charts at the device ratio times the scale, between 1 and 3', () => {
    expect(chartPixelRatio(1, 2)).toBe(2)
    expect(chartPixelRatio(2, 1)).toBe(2)
    expect(chartPixelRatio(1, 0.5)).toBe(1)
    expect(chartPixelRatio(2, 4)).toBe(3)
    expect(chartPixelRatio(0, 1)).toBe(1)
  })
})

describe('the map drill-down', () => {
  const f = MAP.features
  it('shows the streets, a street its communities, a community its grids, never buildings', () => {
    expect(regionsAt(f, []).map((x) => x.properties.code)).toEqual(['360802001', '360802002'])
    let path = drillInto(f, [], '360802001')
    expect(path).toEqual(['360802001'])
    expect(regionsAt(f, path).map((x) => x.properties.code)).toEqual(['360802001001', '360802001002'])
    path = drillInto(f, path, '360802001001')
    expect(regionsAt(f, path).map((x) => x.properties.level)).toEqual(['grid', 'grid'])
    // a grid is the bottom: clicking it keeps the view
    expect(drillInto(f, path, '360802001001001')).toBe(path)
    expect(canDrill(f, '360802001001001')).toBe(false)
  })
  it('ignores a click on a region not shown, and a street without regions below stays put', () => {
    expect(drillInto(f, [], '360802001001')).toEqual([])
    expect(drillInto(f, [], 'nonsense')).toEqual([])
    expect(canDrill(f, '360802002')).toBe(false)
    expect(drillInto(f, [], '360802002')).toEqual([])
  })
  it('goes back up one level at a time, and not above the district', () => {
    expect(drillUp(['a', 'b'])).toEqual(['a'])
    expect(drillUp(['a'])).toEqual([])
    expect(drillUp([])).toEqual([])
  })
  it('names the way down and counts open cases per region (0 where none)', () => {
    expect(breadcrumb(f, ['360802001', '360802001001'], '吉州区', false)).toEqual(['吉州区', '古南街道', '阳明社区'])
    expect(breadcrumb(f, ['360802001'], 'Jizhou', true)).toEqual(['Jizhou', '古南街道 (en)'])
    expect(openCounts(regionsAt(f, []), { '360802001': 12 })).toEqual([{ code: '360802001', value: 12 }, { code: '360802002', value: 0 }])
  })
  it('counts the open cases of the node shown that no drawn region holds', () => {
    expect(elsewhere(81, [{ value: 65 }])).toBe(16)
    expect(elsewhere(10, [{ value: 6 }, { value: 4 }])).toBe(0)
    // rolled-up counts a moment apart (an event laid over one of them) never show a negative rest
    expect(elsewhere(10, [{ value: 11 }])).toBe(0)
  })
  it('boxes a region for its label width', () => {
    const [w, s, e, n] = bboxOf(f[1])
    expect([w, s]).toEqual([114.92, 27.02])
    expect(e).toBeCloseTo(114.93, 6)
    expect(n).toBeCloseTo(27.03, 6)
    const multi = { ...f[1], geometry: { type: 'MultiPolygon' as const, coordinates: [[[[1, 2], [3, 2], [3, 4], [1, 2]]], [[[5, 0], [6, 0], [6, 1], [5, 0]]]] } }
    expect(bboxOf(multi)).toEqual([1, 0, 6, 4])
  })
  it('uses the streets when the district itself has no boundary', () => {
    const noDistrict = f.filter((x) => x.properties.level !== 'district')
    expect(regionsAt(noDistrict, []).map((x) => x.properties.code)).toEqual(['360802001', '360802002'])
  })
})

describe('the live feed', () => {
  it('keeps every event once, newest first, whatever the order and repetition', () => {
    const a = event('1', '2026-12-06T02:00:01Z')
    const b = event('2', '2026-12-06T02:00:02Z')
    const c = event('3', '2026-12-06T02:00:02Z')
    const feed = mergeFeed(mergeFeed([], [b, a]), [a, c, b])
    expect(feed.map((e) => e.id)).toEqual(['3', '2', '1'])
    // a resumed stream repeats what it sent before the drop
    expect(mergeFeed(feed, [a, b, c])).toEqual(feed)
  })
  it('orders numeric cursors as numbers on equal times', () => {
    const feed = mergeFeed([], [event('9', '2026-12-06T02:00:00Z'), event('10', '2026-12-06T02:00:00Z')])
    expect(feed.map((e) => e.id)).toEqual(['10', '9'])
  })
  it('keeps at most the feed size', () => {
    const many = Array.from({ length: 100 }, (_, i) => event(String(i), new Date(Date.UTC(2026, 11, 6, 2, 0, i)).toISOString()))
    const feed = mergeFeed([], many)
    expect(feed).toHaveLength(FEED_SIZE)
    expect(feed[0].id).toBe('99')
    expect(feed[FEED_SIZE - 1].id).toBe('60')
  })
  it('drops junk without an id', () => {
    expect(mergeFeed([], [{} as never, event('1', '2026-12-06T02:00:00Z')]).map((e) => e.id)).toEqual(['1'])
  })
})

describe('events laid over the figures', () => {
  const parents = new Map(MAP.features.map((f) => [f.properties.code, f.properties.parentCode ?? null]))
  const parentOf = (code: string) => parents.get(code)

  it('counts what each step changes', () => {
    expect(deltaOf(event('1', 'x'))).toEqual({ reported: 1, dispatched: 0, closed: 0, open: 1 })
    expect(deltaOf(event('1', 'x', { action: 'register-dispatch', from: 'reported', to: 'dispatched' }))).toEqual({ reported: 0, dispatched: 1, closed: 0, open: 0 })
    expect(deltaOf(event('1', 'x', { action: 'close', from: 'verified', to: 'closed' }))).toEqual({ reported: 0, dispatched: 0, closed: 1, open: -1 })
    expect(deltaOf(event('1', 'x', { action: 'reject', from: 'reported', to: 'rejected' })).open).toBe(-1)
    expect(deltaOf(event('1', 'x', { action: 'reopen', from: 'evaluated', to: 'registered' })).open).toBe(1)
    expect(isOpen(null)).toBe(false)
    expect(isOpen('postponed')).toBe(true)
  })
  it('bumps the counters with a new case reported after the figures were made, up the grid tree', () => {
    const f = figures()
    const shown = overlay(f, [event('8', '2026-12-06T02:00:01Z')], parentOf)
    expect(shown.today).toEqual({ reported: 13, dispatched: 9, closed: 5 })
    expect(shown.open).toBe(41)
    expect(shown.families.find((x) => x.family === 'city-management')).toEqual({ family: 'city-management', reported: 81, open: 26 })
    expect(shown.openByGrid).toEqual({ '360802001': 13, '360802001001': 6, '360802001001001': 4, '360802': 41 })
    // the figures themselves are not touched
    expect(f.today.reported).toBe(12)
    expect(f.openByGrid['360802001']).toBe(12)
  })
  it('leaves out events the figures already count, and other districts', () => {
    const f = figures()
    expect(overlay(f, [event('5', '2026-12-06T01:59:59Z'), event('6', '2026-12-06T02:00:00Z'), event('9', '2026-12-06T02:00:05Z', { tenant: 'donghu' })], parentOf)).toBe(f)
    expect(eventsAfter([event('5', '2026-12-06T02:00:01Z')], f.generatedAt)).toHaveLength(1)
    expect(pending([event('5', '2026-12-06T01:00:00Z'), event('6', '2026-12-06T03:00:00Z')], f.generatedAt).map((e) => e.id)).toEqual(['6'])
  })
  it('moves a closed case out of its department and grid', () => {
    const closed = overlay(figures(), [event('8', '2026-12-06T02:00:01Z', { action: 'close', from: 'verified', to: 'closed', leadDepartment: 'CG' })], parentOf)
    expect(closed.today.closed).toBe(6)
    expect(closed.open).toBe(39)
    expect(closed.departments.find((d) => d.code === 'CG')!.open).toBe(19)
    expect(closed.openByGrid['360802001001001']).toBe(2)
  })
  it('adds a family the figures did not list yet, and never counts below zero', () => {
    const f = figures()
    f.openByGrid = {}
    const shown = overlay(f, [event('8', '2026-12-06T02:00:01Z', { family: 'comprehensive-governance', grid: '360802002' }),
      event('9', '2026-12-06T02:00:02Z', { action: 'close', from: 'verified', to: 'closed', grid: '360802001001002' })], parentOf)
    expect(shown.families.map((x) => x.family)).toContain('comprehensive-governance')
    expect(shown.openByGrid['360802001001002']).toBe(0)
    expect(shown.openByGrid['360802002']).toBe(1)
  })
  it('bumps a district and the totals on the city screen', () => {
    const shown = overlayCity(city(), [event('8', '2026-12-06T02:00:01Z', { tenant: 'donghu' })])
    expect(shown.districts.find((d) => d.tenant === 'donghu')!.today.reported).toBe(2)
    expect(shown.districts.find((d) => d.tenant === 'jizhou')!.today.reported).toBe(1)
    expect(shown.totals.today.reported).toBe(3)
    expect(shown.totals.open).toBe(71)
  })
})

describe('the event stream', () => {
  it('backs off doubling from 1 s to 30 s, with jitter between half and all of it', () => {
    expect(backoffMs(0, 1000, 30_000, () => 1)).toBe(1000)
    expect(backoffMs(3, 1000, 30_000, () => 1)).toBe(8000)
    expect(backoffMs(3, 1000, 30_000, () => 0)).toBe(4000)
    expect(backoffMs(50, 1000, 30_000, () => 1)).toBe(30_000)
    for (let i = 0; i < 10; i++) expect(backoffMs(i)).toBeLessThanOrEqual(30_000)
  })
  it('reads case and mode frames and ignores the rest', () => {
    const e = event('42', '2026-12-06T02:00:01Z')
    expect(parseFrame('case', JSON.stringify(e)).case).toEqual(e)
    const { id: _, ...noId } = e
    expect(parseFrame('case', JSON.stringify(noId), '43').case?.id).toBe('43')
    expect(parseFrame('mode', '{"tenant":"jizhou","mode":"wartime","since":"2026-12-06T02:00:00Z","reason":"防汛"}').mode?.mode).toBe('wartime')
    expect(parseFrame('mode', '{"tenant":"jizhou","mode":"martial"}')).toEqual({})
    expect(parseFrame('case', 'not json')).toEqual({})
    expect(parseFrame('case', '{"id":"1"}')).toEqual({})
    expect(parseFrame('', 'keep-alive')).toEqual({})
  })
})

describe('the operating mode', () => {
  const normal = { tenant: 'jizhou', mode: 'normal' as const, since: null }
  const war = { tenant: 'jizhou', mode: 'wartime' as const, since: '2026-12-06T02:00:00Z', reason: '防汛' }
  const back = { tenant: 'jizhou', mode: 'normal' as const, since: '2026-12-06T05:00:00Z', reason: '解除' }
  it('shows the switch made last, whichever source brought it first', () => {
    expect(newerMode(null, war)).toBe(war)
    expect(newerMode(normal, war)).toBe(war)
    // cached figures from before the switch do not undo it
    expect(newerMode(war, normal)).toBe(war)
    expect(newerMode(war, back)).toBe(back)
    expect(newerMode(back, war)).toBe(back)
    expect(newerMode(war, null)).toBe(war)
  })
  it('lays mode frames over the city districts', () => {
    const modes = modesOf({ jizhou: normal, donghu: { tenant: 'donghu', mode: 'normal' } }, [war])
    expect(modes.jizhou).toBe(war)
    expect(modes.donghu.mode).toBe('normal')
  })
  it('flags the command post cases by the plan categories', () => {
    expect(isCommandPost(event('1', 'x', { category: 'CG0201' }), ['CG0201'])).toBe(true)
    expect(isCommandPost(event('1', 'x'), ['CG0201'])).toBe(false)
    expect(isCommandPost(event('1', 'x'), [])).toBe(false)
    // a major class or a family in the plan stands for every category under it
    expect(isCommandPost(event('1', 'x', { category: 'CG0701' }), ['CG07'])).toBe(true)
    expect(isCommandPost(event('1', 'x', { category: 'CG0801' }), ['CG07'])).toBe(false)
    expect(isCommandPost(event('1', 'x', { category: 'LS0101', family: 'livelihood' }), ['livelihood'])).toBe(true)
  })
})

describe('addresses, words and figures', () => {
  it('reads the wall from the address', () => {
    expect(routeOf('/screen/')).toEqual({ kind: 'choose' })
    expect(routeOf('/screen')).toEqual({ kind: 'choose' })
    expect(routeOf('/screen/city/')).toEqual({ kind: 'city' })
    expect(routeOf('/screen/jizhou')).toEqual({ kind: 'district', tenant: 'jizhou' })
    expect(routeOf('/screen/jizhou/anything')).toEqual({ kind: 'district', tenant: 'jizhou' })
    expect(routeOf('/screen/Bad%20Name/')).toEqual({ kind: 'choose' })
    expect(pathOf({ kind: 'district', tenant: 'jizhou' })).toBe('/screen/jizhou/')
  })
  it('takes the language from the address when it names one', () => {
    expect(languageFromQuery('?lang=en')).toBe('en')
    expect(languageFromQuery('?lang=en-GB')).toBe('en')
    expect(languageFromQuery('?lang=zh-CN')).toBe('zh-CN')
    expect(languageFromQuery('?lang=fr')).toBeNull()
    expect(languageFromQuery('')).toBeNull()
  })
  it('formats figures for the wall', () => {
    expect(count(12345, 'zh-CN')).toBe('12,345')
    expect(count(null, 'en')).toBe('—')
    expect(percent(0.9876)).toBe('98.8%')
    expect(percent(null)).toBe('—')
    expect(duration(95, 'zh-CN')).toBe('1分35秒')
    expect(duration(45, 'en')).toBe('45 s')
    expect(duration(180, 'en')).toBe('3 min')
    expect(duration(180, 'zh-CN')).toBe('3分钟')
    expect(duration(185, 'en')).toBe('3 min 05 s')
    expect(duration(null, 'en')).toBe('—')
    expect(monthLabel('2026-03', 'zh-CN')).toBe('3月')
    expect(monthLabel('2026-03', 'en')).toBe('Mar')
    expect(elapsed('2026-12-06T02:00:00Z', Date.parse('2026-12-06T05:12:30Z'), 'zh-CN')).toBe('3小时12分')
    expect(hourMinute('2026-12-06T00:00:00Z')).toBe('08:00')
    expect(hourMinute('20:00')).toBe('20:00')
    expect(shift('08:00', '2026-12-06T12:00:00Z')).toBe('08:00–20:00')
    expect(shift(null, undefined)).toBe('')
    expect(shift('08:00', '08:00')).toBe('08:00 24h')
    expect(shortName('吉州区城市管理局', '吉州区')).toBe('城市管理局')
    expect(shortName('吉安市公安局吉州分局', '吉州区')).toBe('吉安市公安局吉州分局')
    expect(shortName('吉州区', '吉州区')).toBe('吉州区')
  })
  it('a kiosk tab reads back only well-formed tokens of its realm', () => {
    const storage = (v: string | null) => ({ getItem: (k: string) => (k === 'gongzhi.kiosk.jizhou' ? v : null) })
    expect(readKioskTokens(storage('{"token":"a","refreshToken":"r","idToken":"i"}'), 'jizhou')).toEqual({ token: 'a', refreshToken: 'r', idToken: 'i' })
    expect(readKioskTokens(storage('{"token":"a","refreshToken":"r"}'), 'donghu')).toBeNull()
    expect(readKioskTokens(storage('{"token":"a"}'), 'jizhou')).toBeNull()
    expect(readKioskTokens(storage('not json'), 'jizhou')).toBeNull()
    expect(readKioskTokens(undefined, 'jizhou')).toBeNull()
  })
  it('a kiosk goes back to the login page only once its refresh token expired', () => {
    expect(mustSignInAgain(false, undefined, 100)).toBe(true)
    expect(mustSignInAgain(true, undefined, 100)).toBe(false)
    expect(mustSignInAgain(true, 0, 100)).toBe(false)
    expect(mustSignInAgain(true, 200, 100)).toBe(false)
    expect(mustSignInAgain(true, 100, 100)).toBe(true)
  })
})

describe('the charts', () => {
  const f = figures()
  it('describe their figures for assistive technology and honour reduced motion', () => {
    const options = [trendOption(f.trend, words, 'zh-CN', true), familiesOption(f.families, words, true), departmentsOption(f.departments, words, 7, true),
      dispatchOption(f.dispatchToday, words, 'zh-CN', true), mapOption('m', [{ code: 'a', value: 3 }], { a: '古南街道' }, words, '吉州区', true),
      districtsOption(city().districts, words, true)]
    for (const o of options) {
      const aria = o.aria as { enabled: boolean; label: { description: string } }
      expect(aria.enabled).toBe(true)
      expect(aria.label.description.length).toBeGreaterThan(10)
      expect(o.animation).toBe(false)
    }
    expect(JSON.stringify(options[4].aria)).toContain('古南街道 3')
    const sized = mapOption('m', [{ code: 'a', value: 3 }, { code: 'b', value: 0 }], {}, words, 'x', false, { a: 80 })
    const data = (sized.series as { data: { name: string; label?: { width: number } }[] }[])[0].data
    expect(data[0].label!.width).toBe(74)
    expect(data[1]).toEqual({ name: 'b', value: 0 })
    expect((trendOption(f.trend, words, 'zh-CN').animation)).toBe(true)
  })
  it('puts the most loaded departments first, overdue stacked on open', () => {
    const o = departmentsOption([...f.departments, { code: 'HW', name: '环卫', open: 30, overdue: 40, onTimeRate: null }], words)
    expect((o.yAxis as { data: string[] }).data).toEqual(['环卫', '城管局', '公安分局'])
    const series = o.series as { data: number[] }[]
    expect(series[0].data[0] + series[1].data[0]).toBe(30)
  })
  it('sets the gauge at twice the target, green to the target, needles clamped', () => {
    const o = dispatchOption({ count: 2, medianSeconds: 1000, p90Seconds: null, targetSeconds: 180, withinTarget: 0 }, words, 'en')
    const s = (o.series as Record<string, unknown>[])[0] as { max: number; data: { value: number; pointer: { show: boolean } }[]; axisLine: { lineStyle: { color: [number, string][] } } }
    expect(s.max).toBe(360)
    expect(s.axisLine.lineStyle.color[0][0]).toBe(0.5)
    expect(s.data[1].value).toBe(360)
    expect(s.data[0].pointer.show).toBe(false)
  })
  it('names families by wire name or enum spelling', () => {
    const t = (k: string) => (k === 'family.city-management' ? '城市管理' : k)
    expect(familyName('city-management', t)).toBe('城市管理')
    expect(familyName('CITY_MANAGEMENT', t)).toBe('城市管理')
    expect(familyName('unknown', t)).toBe('unknown')
  })
})

describe('the words and the palette', () => {
  it('has the same keys in both languages', () => {
    const keys = (o: object, p = ''): string[] => Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${p}${k}.`) : [`${p}${k}`]))
    expect(keys(en).sort()).toEqual(keys(zh).sort())
  })
  it('keeps text readable on the dark panels (WCAG AA, 4.5:1)', () => {
    const lum = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
      return 0.2126 * r + 0.7152 * g + 0.0722 * b
    }
    const contrast = (a: string, b: string) => (Math.max(lum(a), lum(b)) + 0.05) / (Math.min(lum(a), lum(b)) + 0.05)
    for (const c of [PALETTE.text, PALETTE.secondary, PALETTE.cyan, PALETTE.green, PALETTE.amber, PALETTE.red, PALETTE.violet]) {
      expect(contrast(c, PALETTE.panel), c).toBeGreaterThanOrEqual(4.5)
    }
    // white on the wartime red of the header
    expect(contrast('#ffffff', PALETTE.wartime)).toBeGreaterThanOrEqual(4.5)
  })
})
