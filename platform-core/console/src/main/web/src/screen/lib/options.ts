import type { DepartmentFigures, DispatchTiming, FamilyFigures, TrendPoint, CityDistrict } from '../types'
import { MAP_RAMP, PALETTE } from './palette'
import { duration, monthLabel, percent, type ScreenLocale } from './format'

/** Words the chart options need (from the page's i18n), so that the options stay pure and testable. */
export type Words = (key: string, values?: Record<string, unknown>) => string

type Option = Record<string, unknown>

const FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif'
const AXIS_LABEL = { color: PALETTE.secondary, fontSize: 16, fontFamily: FONT }
const SPLIT = { lineStyle: { color: PALETTE.axis, opacity: 0.5 } }
const TOOLTIP = { backgroundColor: PALETTE.panel, borderColor: PALETTE.border, textStyle: { color: PALETTE.text, fontSize: 16 } }
const LEGEND = { top: 0, right: 0, textStyle: { color: PALETTE.secondary, fontSize: 16 }, itemWidth: 18, itemHeight: 12 }

/** What every chart of the wall shares: no animation when the viewer asked for reduced motion, ARIA text. */
function base(description: string, reducedMotion: boolean): Option {
  return {
    animation: !reducedMotion,
    animationDuration: 500,
    textStyle: { fontFamily: FONT },
    aria: { enabled: true, label: { description } },
    tooltip: { trigger: 'axis', ...TOOLTIP },
  }
}

/** The last 12 months: reported and closed as bars, the closure rate as a line on its own axis. */
export function trendOption(trend: readonly TrendPoint[], t: Words, locale: ScreenLocale, reducedMotion = false): Option {
  const months = trend.map((p) => monthLabel(p.month, locale))
  const list = trend.map((p) => `${months[trend.indexOf(p)]} ${t('chart.reported')} ${p.reported}, ${t('chart.closed')} ${p.closed}, ${t('chart.closureRate')} ${percent(p.closureRate)}`).join('；')
  return {
    ...base(t('chart.trendAria', { list }), reducedMotion),
    legend: { ...LEGEND, data: [t('chart.reported'), t('chart.closed'), t('chart.closureRate')] },
    grid: { left: 56, right: 56, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: months, axisLabel: AXIS_LABEL, axisLine: { lineStyle: { color: PALETTE.axis } } },
    yAxis: [
      { type: 'value', axisLabel: AXIS_LABEL, splitLine: SPLIT, minInterval: 1 },
      { type: 'value', min: 0, max: 1, axisLabel: { ...AXIS_LABEL, formatter: (v: number) => `${Math.round(v * 100)}%` }, splitLine: { show: false } },
    ],
    series: [
      { name: t('chart.reported'), type: 'bar', data: trend.map((p) => p.reported), itemStyle: { color: PALETTE.cyan }, barMaxWidth: 14 },
      { name: t('chart.closed'), type: 'bar', data: trend.map((p) => p.closed), itemStyle: { color: PALETTE.green }, barMaxWidth: 14 },
      { name: t('chart.closureRate'), type: 'line', yAxisIndex: 1, data: trend.map((p) => p.closureRate), itemStyle: { color: PALETTE.amber },
        lineStyle: { width: 3 }, symbolSize: 7, connectNulls: false },
    ],
  }
}

/** Reported and open cases of each category family, as horizontal bars. */
export function familiesOption(families: readonly FamilyFigures[], t: Words, reducedMotion = false): Option {
  const names = families.map((f) => familyName(f.family, t))
  const list = families.map((f, i) => `${names[i]} ${t('chart.reported')} ${f.reported}, ${t('chart.open')} ${f.open}`).join('；')
  return {
    ...base(t('chart.familiesAria', { list }), reducedMotion),
    legend: { ...LEGEND, data: [t('chart.reported'), t('chart.open')] },
    grid: { left: 150, right: 56, top: 36, bottom: 8 },
    xAxis: { type: 'value', axisLabel: { show: false }, splitLine: SPLIT, minInterval: 1 },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { ...AXIS_LABEL, fontSize: 17, color: PALETTE.text }, axisLine: { show: false }, axisTick: { show: false } },
    series: [
      { name: t('chart.reported'), type: 'bar', data: families.map((f) => f.reported), itemStyle: { color: PALETTE.cyan }, barMaxWidth: 16,
        label: { show: true, position: 'right', color: PALETTE.text, fontSize: 16 } },
      { name: t('chart.open'), type: 'bar', data: families.map((f) => f.open), itemStyle: { color: PALETTE.amber }, barMaxWidth: 16,
        label: { show: true, position: 'right', color: PALETTE.text, fontSize: 16 } },
    ],
  }
}

/** The departments with the most open cases (at most `limit`), open and overdue side by side. */
export function departmentsOption(departments: readonly DepartmentFigures[], t: Words, limit = 7, reducedMotion = false): Option {
  const shown = [...departments].sort((a, b) => b.open - a.open || b.overdue - a.overdue || a.code.localeCompare(b.code)).slice(0, limit)
  const list = shown.map((d) => `${d.name} ${t('chart.open')} ${d.open}, ${t('chart.overdue')} ${d.overdue}`).join('；')
  return {
    ...base(t('chart.departmentsAria', { list }), reducedMotion),
    legend: { ...LEGEND, data: [t('chart.open'), t('chart.overdue')] },
    grid: { left: 130, right: 48, top: 36, bottom: 8 },
    xAxis: { type: 'value', axisLabel: { show: false }, splitLine: SPLIT, minInterval: 1 },
    yAxis: { type: 'category', data: shown.map((d) => d.name), inverse: true,
      axisLabel: { ...AXIS_LABEL, color: PALETTE.text, width: 118, overflow: 'truncate' }, axisLine: { show: false }, axisTick: { show: false } },
    series: [
      { name: t('chart.open'), type: 'bar', stack: 'd', data: shown.map((d) => d.open - Math.min(d.open, d.overdue)), itemStyle: { color: PALETTE.cyan }, barMaxWidth: 18 },
      { name: t('chart.overdue'), type: 'bar', stack: 'd', data: shown.map((d) => Math.min(d.open, d.overdue)), itemStyle: { color: PALETTE.red }, barMaxWidth: 18,
        label: { show: true, position: 'right', color: PALETTE.text, fontSize: 16, formatter: (p: { dataIndex: number }) => `${shown[p.dataIndex].open} / ${shown[p.dataIndex].overdue}` } },
    ],
  }
}

/**
 * Report → dispatch today against the target (3 minutes): a gauge from 0 to twice the target,
 * green up to the target and red beyond, one needle for the median and one for the 90th percentile.
 */
export function dispatchOption(timing: DispatchTiming, t: Words, locale: ScreenLocale, reducedMotion = false): Option {
  const target = timing.targetSeconds > 0 ? timing.targetSeconds : 180
  const max = target * 2
  const clamp = (v: number | null) => (v === null ? null : Math.min(max, Math.max(0, v)))
  const description = t('chart.dispatchAria', { median: duration(timing.medianSeconds, locale), p90: duration(timing.p90Seconds, locale), target: duration(target, locale) })
  const needle = (value: number | null, name: string, color: string, length: string) => ({
    value: clamp(value) ?? 0, name,
    itemStyle: { color },
    pointer: { show: value !== null, length, width: 8, itemStyle: { color } },
    title: { show: false },
    detail: { show: false },
  })
  return {
    animation: !reducedMotion,
    aria: { enabled: true, label: { description } },
    series: [{
      type: 'gauge', min: 0, max, splitNumber: 6, radius: '96%', center: ['50%', '62%'], startAngle: 200, endAngle: -20,
      axisLine: { lineStyle: { width: 18, color: [[target / max, PALETTE.green], [1, PALETTE.red]] } },
      axisTick: { distance: -18, length: 6, lineStyle: { color: PALETTE.background, width: 1 } },
      splitLine: { distance: -18, length: 18, lineStyle: { color: PALETTE.background, width: 3 } },
      axisLabel: { distance: 26, color: PALETTE.secondary, fontSize: 15, formatter: (v: number) => (v % 60 === 0 ? `${v / 60}′` : '') },
      anchor: { show: true, size: 16, itemStyle: { color: PALETTE.text } },
      data: [
        needle(timing.p90Seconds, t('chart.p90'), PALETTE.amber, '72%'),
        needle(timing.medianSeconds, t('chart.median'), PALETTE.cyan, '56%'),
      ],
    }],
  }
}

/** The grid map: the regions drawn from the district's GeoJSON (`mapName` registered), coloured by open cases. */
export function mapOption(mapName: string, counts: readonly { code: string; value: number }[], names: Record<string, string>,
  t: Words, place: string, reducedMotion = false, labelWidths: Record<string, number> = {}): Option {
  const max = Math.max(1, ...counts.map((c) => c.value))
  const list = counts.map((c) => `${names[c.code] ?? c.code} ${c.value}`).join('；')
  return {
    animation: !reducedMotion,
    aria: { enabled: true, label: { description: t('map.aria', { place, list }) } },
    tooltip: { trigger: 'item', ...TOOLTIP, formatter: (p: { name: string; value?: number }) => `${names[p.name] ?? p.name}<br/>${t('map.legend')} ${Number.isFinite(p.value) ? p.value : 0}` },
    visualMap: {
      type: 'continuous', min: 0, max, left: 8, bottom: 8, calculable: false, itemHeight: 140, itemWidth: 14,
      text: [String(max), '0'], textStyle: { color: PALETTE.secondary, fontSize: 15 }, inRange: { color: MAP_RAMP },
    },
    series: [{
      type: 'map', map: mapName, nameProperty: 'code', roam: false, selectedMode: false, layoutCenter: ['50%', '50%'], layoutSize: '96%',
      itemStyle: { borderColor: '#9cc7ff', borderWidth: 1.2, areaColor: MAP_RAMP[0] },
      emphasis: { itemStyle: { areaColor: '#3d7dd8', borderColor: '#ffffff', borderWidth: 2 }, label: { color: '#ffffff' } },
      label: { show: true, formatter: (p: { name: string; value?: number }) => `{name|${names[p.name] ?? p.name}}\n{n|${Number.isFinite(p.value) ? p.value : 0}}`,
        rich: labelStyles() },
      // a name no wider than its region (measured on the drawn map), so that neighbours' names never overlap
      data: counts.map((c) => (labelWidths[c.code]
        ? { name: c.code, value: c.value, label: { width: Math.max(36, labelWidths[c.code] - 6), overflow: 'truncate' } }
        : { name: c.code, value: c.value })),
    }],
  }
}

/** The map labels' two lines: the region's name and its open cases, large. */
function labelStyles(): Record<string, Record<string, unknown>> {
  const outline = { textBorderColor: PALETTE.background, textBorderWidth: 3 }
  return {
    name: { color: PALETTE.text, fontSize: 16, lineHeight: 22, align: 'center', ...outline },
    n: { color: '#ffffff', fontSize: 22, fontWeight: 'bold', lineHeight: 26, align: 'center', ...outline },
  }
}

/** The city's districts side by side: open, overdue and reported today. */
export function districtsOption(districts: readonly CityDistrict[], t: Words, reducedMotion = false): Option {
  const list = districts.map((d) => `${d.name} ${t('chart.open')} ${d.open}, ${t('chart.overdue')} ${d.overdue}, ${t('chart.today')} ${d.today.reported}`).join('；')
  const label = { show: true, position: 'top', color: PALETTE.text, fontSize: 16 }
  return {
    ...base(t('chart.districtsAria', { list }), reducedMotion),
    legend: { ...LEGEND, data: [t('chart.open'), t('chart.overdue'), t('chart.today')] },
    grid: { left: 56, right: 16, top: 44, bottom: 36 },
    xAxis: { type: 'category', data: districts.map((d) => d.name), axisLabel: { ...AXIS_LABEL, color: PALETTE.text, fontSize: 18 }, axisLine: { lineStyle: { color: PALETTE.axis } } },
    yAxis: { type: 'value', axisLabel: AXIS_LABEL, splitLine: SPLIT, minInterval: 1 },
    series: [
      { name: t('chart.open'), type: 'bar', data: districts.map((d) => d.open), itemStyle: { color: PALETTE.cyan }, barMaxWidth: 28, label },
      { name: t('chart.overdue'), type: 'bar', data: districts.map((d) => d.overdue), itemStyle: { color: PALETTE.red }, barMaxWidth: 28, label },
      { name: t('chart.today'), type: 'bar', data: districts.map((d) => d.today.reported), itemStyle: { color: PALETTE.green }, barMaxWidth: 28, label },
    ],
  }
}

/** A family's words by its wire name (`city-management`; the enum spelling `CITY_MANAGEMENT` is read too). */
export function familyName(family: string | null | undefined, t: Words): string {
  if (!family) return '—'
  const key = family.toLowerCase().replace(/_/g, '-')
  const text = t(`family.${key}`)
  return text === `family.${key}` ? family : text
}
