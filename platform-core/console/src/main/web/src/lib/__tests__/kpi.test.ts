import { describe, expect, it } from 'vitest'
import { alarming, CARDS, chartHeight, chartOption, chartValue, formatMetric, formatValue, METRICS, type Figures } from '../kpi'

const figures: Figures = {
  tenantId: 'jizhou', from: '2026-02-28T16:00:00Z', to: '2026-03-31T16:00:00Z',
  reported: 12840, registered: 121, dueToClose: 97, closed: 90, closedOnTime: 84, verified: 95, reworked: 6, postponed: 4,
  evaluated: 61, closureRate: 0.9278350515463918, onTimeClosureRate: 0.865979381443299, reworkRate: 0.06315789473684211,
  postponementRate: 0.03305785123966942, averageHandlingHours: 31.6, p90HandlingHours: 96.5, satisfactionRate: 0.9344262295081968,
  averageSatisfaction: 4.62, resolvedAtTownOrVillage: 62, townOrVillageShare: 0.6888888888888889, pendingNow: 35, overdueNow: 3,
  reminders: 40, supervisionOrders: 6, escalations: 1, supervisionDue: 5, supervisionOnTime: 4, supervisionOnTimeRate: 0.8,
}

describe('formatting figures', () => {
  it('groups counts, shows rates as percent with one decimal, hours with one, scores with two', () => {
    expect(formatMetric(figures, 'reported', 'zh-CN')).toBe('12,840')
    expect(formatMetric(figures, 'closureRate', 'zh-CN')).toBe('92.8%')
    expect(formatMetric(figures, 'onTimeClosureRate', 'en')).toBe('86.6%')
    expect(formatMetric(figures, 'averageHandlingHours', 'en')).toBe('31.6')
    expect(formatMetric(figures, 'averageSatisfaction', 'zh-CN')).toBe('4.62')
    expect(formatValue(1, 'rate', 'en')).toBe('100.0%')
  })
  it('shows a dash for a rate without a denominator', () => {
    expect(formatMetric({ ...figures, closureRate: undefined }, 'closureRate', 'zh-CN')).toBe('—')
    expect(formatValue(null, 'count', 'en')).toBe('—')
    expect(formatValue(Number.NaN, 'hours', 'en')).toBe('—')
    expect(formatMetric(undefined, 'closed', 'en')).toBe('—')
  })
  it('knows every card figure', () => {
    for (const c of CARDS) {
      expect(METRICS[c.key]).toBeDefined()
      for (const p of c.parts ?? []) expect(METRICS[p]).toBeDefined()
    }
  })
})

describe('attention', () => {
  it('flags cases overdue now, and nothing else', () => {
    expect(alarming(figures, 'overdueNow')).toBe(true)
    expect(alarming({ ...figures, overdueNow: 0 }, 'overdueNow')).toBe(false)
    expect(alarming(figures, 'onTimeClosureRate')).toBe(false)
    expect(alarming(undefined, 'overdueNow')).toBe(false)
  })
})

describe('charts', () => {
  it('draws rates as percent and keeps gaps for absent values', () => {
    expect(chartValue(0.865979, 'rate')).toBe(86.6)
    expect(chartValue(undefined, 'rate')).toBeNull()
    expect(chartValue(31.66, 'hours')).toBe(31.7)
  })
  it('builds horizontal bars for groups, with ARIA on', () => {
    const o = chartOption({ categories: ['古南街道', '白塘街道'], series: [{ name: '结案率', values: [0.9, undefined] }], measure: 'rate' }) as any
    expect(o.aria.enabled).toBe(true)
    expect(o.yAxis.type).toBe('category')
    expect(o.yAxis.data).toEqual(['古南街道', '白塘街道'])
    expect(o.xAxis.max).toBe(100)
    expect(o.series[0]).toMatchObject({ type: 'bar', data: [90, null] })
    expect(o.tooltip.valueFormatter(90)).toBe('90.0%')
    expect(o.tooltip.valueFormatter(null)).toBe('—')
    expect(o.legend).toBeUndefined()
  })
  it('builds a line over months, with a legend for several series', () => {
    const o = chartOption({
      categories: ['2026-01', '2026-02'], measure: 'count', line: true,
      series: [{ name: 'a', values: [3, 4] }, { name: 'b', values: [1, 2] }],
    }) as any
    expect(o.xAxis.type).toBe('category')
    expect(o.yAxis.max).toBeUndefined()
    expect(o.series.map((s: any) => s.type)).toEqual(['line', 'line'])
    expect(o.legend).toBeDefined()
    expect(o.tooltip.valueFormatter(1284)).toBe('1284')
  })
  it('puts units after hours', () => {
    const o = chartOption({ categories: ['x'], series: [{ name: 'h', values: [31.6] }], measure: 'hours', unit: 'h' }) as any
    expect(o.tooltip.valueFormatter(31.6)).toBe('31.6 h')
  })
  it('grows with the number of bars, within bounds', () => {
    expect(chartHeight(2, false)).toBe(200)
    expect(chartHeight(10, false)).toBe(360)
    expect(chartHeight(100, false)).toBe(900)
    expect(chartHeight(100, true)).toBe(320)
  })
})
