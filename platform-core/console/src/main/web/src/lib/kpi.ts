import type { Schemas } from '../api/client'

export type Figures = Schemas['KpiFigures']
export type KpiRow = Schemas['KpiRow']
export type Dimension = Schemas['KpiBreakdown']['dimension']
export type GridLevel = NonNullable<Schemas['KpiBreakdown']['level']>

export const DIMENSIONS: Dimension[] = ['grid', 'department', 'family', 'channel', 'month']
export const GRID_LEVELS: GridLevel[] = ['street', 'community', 'grid']

/** How a figure is read: a count, a rate in [0, 1], hours, or a 1–5 score. */
export type Measure = 'count' | 'rate' | 'hours' | 'score'

/** The numeric figures of `KpiFigures` (see docs/kpis.md for the formulas). */
export type MetricKey = {
  [K in keyof Figures]-?: NonNullable<Figures[K]> extends number ? K : never
}[keyof Figures]

export interface Metric {
  measure: Measure
  /** Whether more is better (for colouring); null when neither. */
  better: 'higher' | 'lower' | null
}

export const METRICS: Record<MetricKey, Metric> = {
  reported: { measure: 'count', better: null },
  registered: { measure: 'count', better: null },
  dueToClose: { measure: 'count', better: null },
  closed: { measure: 'count', better: 'higher' },
  closedOnTime: { measure: 'count', better: 'higher' },
  verified: { measure: 'count', better: null },
  reworked: { measure: 'count', better: 'lower' },
  postponed: { measure: 'count', better: 'lower' },
  evaluated: { measure: 'count', better: null },
  closureRate: { measure: 'rate', better: 'higher' },
  onTimeClosureRate: { measure: 'rate', better: 'higher' },
  reworkRate: { measure: 'rate', better: 'lower' },
  postponementRate: { measure: 'rate', better: 'lower' },
  averageHandlingHours: { measure: 'hours', better: 'lower' },
  p90HandlingHours: { measure: 'hours', better: 'lower' },
  satisfactionRate: { measure: 'rate', better: 'higher' },
  averageSatisfaction: { measure: 'score', better: 'higher' },
  resolvedAtTownOrVillage: { measure: 'count', better: 'higher' },
  townOrVillageShare: { measure: 'rate', better: 'higher' },
  mediationSuccessRate: { measure: 'rate', better: 'higher' },
  pendingNow: { measure: 'count', better: null },
  overdueNow: { measure: 'count', better: 'lower' },
  reminders: { measure: 'count', better: null },
  supervisionOrders: { measure: 'count', better: null },
  escalations: { measure: 'count', better: 'lower' },
  supervisionDue: { measure: 'count', better: null },
  supervisionOnTime: { measure: 'count', better: 'higher' },
  supervisionOnTimeRate: { measure: 'rate', better: 'higher' },
  repeated: { measure: 'count', better: 'lower' },
  repeatRate: { measure: 'rate', better: 'lower' },
}

/**
 * The cards a centre director reads first, in order, each with the figures for the line under it
 * (usually numerator and denominator; `kpi.sub.<key>` words them as `{a}` and `{b}`).
 */
export const CARDS: { key: MetricKey; parts?: MetricKey[] }[] = [
  { key: 'reported', parts: ['registered', 'reported'] },
  { key: 'closed', parts: ['closed', 'dueToClose'] },
  { key: 'closureRate', parts: ['closed', 'dueToClose'] },
  { key: 'onTimeClosureRate', parts: ['closedOnTime', 'dueToClose'] },
  { key: 'overdueNow', parts: ['overdueNow', 'pendingNow'] },
  { key: 'satisfactionRate', parts: ['evaluated', 'closed'] },
  { key: 'averageSatisfaction' },
  { key: 'reworkRate', parts: ['reworked', 'verified'] },
  { key: 'postponementRate', parts: ['postponed', 'registered'] },
  { key: 'averageHandlingHours', parts: ['p90HandlingHours'] },
  { key: 'townOrVillageShare', parts: ['resolvedAtTownOrVillage', 'closed'] },
  { key: 'repeatRate', parts: ['repeated', 'reported'] },
]

/** The columns of the breakdown and city tables. */
export const TABLE_METRICS: MetricKey[] = [
  'reported', 'dueToClose', 'closed', 'closureRate', 'onTimeClosureRate', 'overdueNow', 'pendingNow',
  'satisfactionRate', 'reworkRate', 'postponementRate', 'averageHandlingHours',
]

/** The figures one may chart. */
export const CHART_METRICS: MetricKey[] = [
  'reported', 'closed', 'closureRate', 'onTimeClosureRate', 'overdueNow', 'pendingNow', 'satisfactionRate',
  'reworkRate', 'averageHandlingHours',
]

/** A figure as text: grouped counts, percentages with one decimal, hours and scores with one or two; `—` when absent. */
export function formatValue(value: number | null | undefined, measure: Measure, locale: string): string {
  if (value === undefined || value === null || !Number.isFinite(value)) return '—'
  switch (measure) {
    case 'count':
      return new Intl.NumberFormat(locale).format(value)
    case 'rate':
      return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)
    case 'hours':
      return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)
    case 'score':
      return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value)
  }
}

export function formatMetric(f: Figures | undefined, key: MetricKey, locale: string): string {
  return formatValue(f?.[key], METRICS[key].measure, locale)
}

/** The number a chart draws for a figure: rates as percent with one decimal, others rounded to one decimal; null when absent. */
export function chartValue(value: number | null | undefined, measure: Measure): number | null {
  if (value === undefined || value === null || !Number.isFinite(value)) return null
  const v = measure === 'rate' ? value * 100 : value
  return Math.round(v * 10) / 10
}

/** Whether a figure calls for attention: cases overdue now. (The platform sets no targets for the rates.) */
export function alarming(f: Figures | undefined, key: MetricKey): boolean {
  return key === 'overdueNow' && (f?.overdueNow ?? 0) > 0
}

// ---------------------------------------------------------------------------------------------
// Charts

export interface ChartInput {
  /** Category labels (groups, months, districts). */
  categories: string[]
  /** One or more series of the same measure. */
  series: { name: string; values: (number | null | undefined)[] }[]
  measure: Measure
  /** Draw a line over time instead of bars. */
  line?: boolean
  /** The unit after hour values, e.g. `小时` / `h`. */
  unit?: string
}

/** The console's chart colours: dark enough for 3:1 against white as graphics. */
export const CHART_COLOURS = ['#1f5fae', '#b3261e', '#1e7b34', '#8a5300', '#5b3f9e', '#3c6e71']

/**
 * An ECharts option for a breakdown: horizontal bars (labels stay readable on a phone) or a line
 * for a time series; rates shown as percent. ARIA is on, so ECharts describes the chart itself.
 */
export function chartOption(input: ChartInput): Record<string, unknown> {
  const suffix = input.measure === 'rate' ? '%' : input.measure === 'hours' && input.unit ? ` ${input.unit}` : ''
  const digits = input.measure === 'count' ? 0 : 1
  const text = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${v.toFixed(digits)}${suffix}`)
  const valueAxis = {
    type: 'value',
    min: 0,
    max: input.measure === 'rate' ? 100 : input.measure === 'score' ? 5 : undefined,
    axisLabel: { formatter: (v: number) => `${v}${input.measure === 'rate' ? '%' : ''}`, color: '#4a4e55' },
  }
  const categoryAxis = {
    type: 'category',
    data: input.categories,
    inverse: !input.line,
    axisLabel: { color: '#4a4e55', width: 120, overflow: 'truncate' },
  }
  return {
    aria: { enabled: true },
    color: CHART_COLOURS,
    animation: false,
    tooltip: {
      trigger: 'axis',
      valueFormatter: text,
    },
    legend: input.series.length > 1 ? { top: 0, textStyle: { color: '#4a4e55' } } : undefined,
    grid: { left: 8, right: 24, top: input.series.length > 1 ? 32 : 12, bottom: 8 },
    xAxis: input.line ? categoryAxis : valueAxis,
    yAxis: input.line ? valueAxis : categoryAxis,
    series: input.series.map((s) => ({
      name: s.name,
      type: input.line ? 'line' : 'bar',
      data: s.values.map((v) => chartValue(v, input.measure)),
      barMaxWidth: 22,
      connectNulls: false,
      label: input.line ? undefined : { show: input.series.length === 1, position: 'right', formatter: (p: { value: number | null }) => (p.value === null ? '' : text(p.value)), color: '#1f2329' },
    })),
  }
}

/** Chart height for a number of categories: bars need room, a line does not. */
export function chartHeight(categories: number, line: boolean): number {
  return line ? 320 : Math.max(200, Math.min(900, 40 + categories * 32))
}
