/**
 * What the big screen reads, as issue 15's contract ("Screen figures", "Live events", "Wartime")
 * defines it; a rate or timing with nothing to measure may be absent or null. The figures, events and mode endpoints are built in
 * parallel on other branches; once their schemas are in the OpenAPI document these aliases become
 * `Schemas['…']` from `src/api/schema.d.ts`, and `vue-tsc` checks the screen against them.
 */

export type OperatingMode = 'normal' | 'wartime'

/** `DistrictMode` JSON: the district's mode since its last switch (null fields: never switched). */
export interface DistrictMode {
  tenant: string
  mode: OperatingMode
  since?: string | null
  reason?: string | null
  switchedBy?: string | null
}

/** One on-duty post of the district's duty roster (值班表), shown in wartime only. */
export interface RosterEntry {
  post: string
  name: string
  phone?: string | null
  /** start and end of the shift, local time ("08:00"; an end before the start runs over midnight) */
  from?: string | null
  to?: string | null
  /** on shift at this moment */
  onDuty?: boolean
}

/** `GET /api/v1/tenants/{t}/mode`: the mode with the emergency plan and the duty roster. */
export interface ModeDetail extends DistrictMode {
  plan?: { limits?: Record<string, string>; commandPostCategories?: string[] } | null
  roster?: RosterEntry[] | null
}

/** `CaseEvent` JSON: one committed step of a case. No personal data by construction. */
export interface CaseEvent {
  id: string
  tenant: string
  caseId: string
  caseNumber?: string | null
  action: string
  from?: string | null
  to: string
  category?: string | null
  family?: string | null
  grid?: string | null
  leadDepartment?: string | null
  channel?: string | null
  at: string
}

export interface Today {
  reported: number
  dispatched: number
  closed: number
}

export interface MonthFigures {
  period: string
  due: number
  closed: number
  closedOnTime: number
  closureRate?: number | null
  onTimeRate?: number | null
  satisfaction?: number | null
}

export interface TrendPoint {
  month: string
  reported: number
  closed: number
  closureRate?: number | null
}

export interface FamilyFigures {
  family: string
  reported: number
  open: number
}

export interface DepartmentFigures {
  code: string
  name: string
  open: number
  overdue: number
  onTimeRate?: number | null
}

export interface GridRank {
  code: string
  name: string
  closureRate: number | null
  closed: number
  due: number
}

export interface DispatchTiming {
  count: number
  medianSeconds?: number | null
  p90Seconds?: number | null
  targetSeconds: number
  withinTarget: number
}

/** `GET /api/v1/tenants/{t}/screen`. */
export interface DistrictFigures {
  tenant: string
  name: string
  generatedAt: string
  mode: DistrictMode
  today: Today
  open: number
  overdue: number
  warning: number
  month: MonthFigures
  trend: TrendPoint[]
  families: FamilyFigures[]
  departments: DepartmentFigures[]
  grids: { top: GridRank[]; bottom: GridRank[] }
  openByGrid: Record<string, number>
  dispatchToday: DispatchTiming
  recent: CaseEvent[]
}

/** One district on the city screen. */
export interface CityDistrict {
  tenant: string
  name: string
  mode: DistrictMode
  today: Today
  open: number
  overdue: number
  month: MonthFigures
  dispatchToday: DispatchTiming
}

/** `GET /api/v1/city/screen`. */
export interface CityFigures {
  generatedAt: string
  districts: CityDistrict[]
  totals: { today: Today; open: number; overdue: number; month: MonthFigures }
  /** The city's 20 newest events (every district's merged), newest last. */
  recent: CaseEvent[]
}

/** One panel a district model contributes (`GET /api/v1/tenants/{t}/screen/panels`). */
export interface ScreenPanelInfo {
  model: string
  id: string
  labelZh: string
  labelEn: string
  module: string
  order: number
}
