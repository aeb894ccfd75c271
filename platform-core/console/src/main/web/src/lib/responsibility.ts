import type { Category, Department, Grid, Schemas } from '../api/client'
import { named } from './reference'

/** 责任清单 as the API carries it (ADR 0033). */
export type ResponsibilityList = Schemas['ResponsibilityList']
export type Responsibility = Schemas['Responsibility']
export type EntryTier = NonNullable<Responsibility['tier']>

export const TIERS: readonly EntryTier[] = ['simple', 'coordination', 'difficult']
/** The API's limits (OpenAPI `maxItems`). */
export const MAX_ENTRIES = 2000
export const MAX_CO = 10

/**
 * One entry as the page edits it: a stable `key` (rows move when others are deleted), no optional fields
 * (`gridCode` '' is the whole district, `tier` '' keeps the category's).
 */
export interface Row {
  key: number
  categoryCode: string
  gridCode: string
  leadDepartment: string
  coDepartments: string[]
  tier: EntryTier | ''
}

let nextKey = 1

/** A new row with its own key; `from` fills it (a copy for the editor, or an entry of the API). */
export function newRow(from: Partial<Omit<Row, 'key'>> = {}): Row {
  return {
    key: nextKey++,
    categoryCode: from.categoryCode ?? '',
    gridCode: from.gridCode ?? '',
    leadDepartment: from.leadDepartment ?? '',
    coDepartments: [...(from.coDepartments ?? [])],
    tier: from.tier ?? '',
  }
}

/** A copy of a row with the same key (the saved list and the edited one share keys, so that changes are found). */
export function copyRow(row: Row): Row {
  return { ...row, coDepartments: [...row.coDepartments] }
}

export function toRows(list: ResponsibilityList): Row[] {
  return list.entries.map((e) => newRow({ ...e, gridCode: e.gridCode ?? '', tier: e.tier ?? '' }))
}

/** An entry of the PUT body: optional fields left out when empty, codes trimmed. */
export function toEntry(row: Row): Responsibility {
  const entry: Responsibility = { categoryCode: row.categoryCode.trim(), leadDepartment: row.leadDepartment.trim() }
  if (row.gridCode.trim()) entry.gridCode = row.gridCode.trim()
  if (row.coDepartments.length) entry.coDepartments = [...row.coDepartments]
  if (row.tier) entry.tier = row.tier
  return entry
}

export function toBody(rows: readonly Row[], autoDispatch: boolean): ResponsibilityList {
  return { autoDispatch, entries: rows.map(toEntry) }
}

const fingerprint = (row: Row) => JSON.stringify(toEntry(row))

/** What differs from the list last loaded or saved: rows added, changed, removed, and the switch. */
export interface Changes {
  added: Set<number>
  changed: Set<number>
  removed: number
  autoDispatch: boolean
  /** Anything at all, including a new order of the same rows. */
  dirty: boolean
}

export function changes(saved: readonly Row[], savedAuto: boolean, rows: readonly Row[], auto: boolean): Changes {
  const before = new Map(saved.map((r) => [r.key, fingerprint(r)]))
  const added = new Set<number>()
  const changed = new Set<number>()
  for (const r of rows) {
    const was = before.get(r.key)
    if (was === undefined) added.add(r.key)
    else if (was !== fingerprint(r)) changed.add(r.key)
  }
  const kept = new Set(rows.map((r) => r.key))
  const removed = saved.filter((r) => !kept.has(r.key)).length
  const sameOrder = saved.length === rows.length && saved.every((r, i) => r.key === rows[i].key)
  const autoChanged = savedAuto !== auto
  return { added, changed, removed, autoDispatch: autoChanged, dirty: autoChanged || added.size > 0 || changed.size > 0 || removed > 0 || !sameOrder }
}

/** A check a row fails before anything is sent; `message` is an i18n key under `responsibility.problems`. */
export interface Issue {
  key: number
  /** 0-based position in the list (the `entries[i]` the server would name). */
  index: number
  field: 'categoryCode' | 'gridCode' | 'leadDepartment' | 'coDepartments'
  message: 'categoryRequired' | 'leadRequired' | 'duplicate' | 'leadAlsoCo' | 'coRepeated' | 'tooManyCo'
  /** For a duplicate: the 0-based position of the row it repeats. */
  other?: number
}

/**
 * The checks of `row` (at 0-based `index`) against `rows`, the list it is or will be part of (a row of the same
 * key there is itself): the server's own rules, so that a PUT is refused only for what the page cannot know.
 */
export function rowIssues(row: Row, index: number, rows: readonly Row[]): Issue[] {
  const out: Issue[] = []
  const at = (field: Issue['field'], message: Issue['message'], other?: number) =>
    out.push({ key: row.key, index, field, message, ...(other === undefined ? {} : { other }) })
  if (!row.categoryCode.trim()) at('categoryCode', 'categoryRequired')
  if (!row.leadDepartment.trim()) at('leadDepartment', 'leadRequired')
  if (row.categoryCode.trim()) {
    const other = rows.findIndex((r) => r.key !== row.key && sameScope(r, row))
    if (other >= 0) at('gridCode', 'duplicate', other)
  }
  if (row.leadDepartment && row.coDepartments.includes(row.leadDepartment)) at('coDepartments', 'leadAlsoCo')
  if (new Set(row.coDepartments).size !== row.coDepartments.length) at('coDepartments', 'coRepeated')
  if (row.coDepartments.length > MAX_CO) at('coDepartments', 'tooManyCo')
  return out
}

/** Whether two rows cover the same category in the same place (the list allows one such entry). */
export function sameScope(a: Row, b: Row): boolean {
  return a.categoryCode.trim() === b.categoryCode.trim() && a.gridCode.trim() === b.gridCode.trim()
}

/** Every row's issues, in list order (a duplicate on each of its rows, naming the first other one). */
export function validate(rows: readonly Row[]): Issue[] {
  return rows.flatMap((r, i) => rowIssues(r, i, rows))
}

/**
 * The row a server's problem names (`field` such as `entries[3].leadDepartment`), or null when it names
 * none of them (the whole body, `autoDispatch`, or an index past the end).
 */
export function rowOfProblem(field: string | undefined, rows: readonly Row[]): { key: number; index: number; field?: string } | null {
  const m = /^entries\[(\d+)\](?:\.(\w+))?/.exec(field ?? '')
  if (!m) return null
  const index = Number(m[1])
  const row = rows[index]
  return row ? { key: row.key, index, ...(m[2] ? { field: m[2] } : {}) } : null
}

/** The reference data the page names codes with. */
export interface Names {
  categories: ReadonlyMap<string, Category>
  departments: ReadonlyMap<string, Department>
  grids: ReadonlyMap<string, Grid>
  locale: string
}

export function namesOf(categories: readonly Category[], departments: readonly Department[], grid: Grid | null, locale: string): Names {
  const grids = new Map<string, Grid>()
  const walk = (g: Grid) => {
    grids.set(g.code, g)
    g.children?.forEach(walk)
  }
  if (grid) walk(grid)
  return { categories: new Map(categories.map((c) => [c.code, c])), departments: new Map(departments.map((d) => [d.code, d])), grids, locale }
}

/** A category's name, or '' when the district has no such category. */
export const categoryName = (code: string, n: Names) => named(n.categories.get(code), n.locale)
/** A department as `name`, or its bare code when unknown. */
export const departmentName = (code: string, n: Names) => named(n.departments.get(code), n.locale, code)
/** A grid's name, its bare code when unknown; '' for the whole district (the page says 全区). */
export const gridName = (code: string, n: Names) => (code ? named(n.grids.get(code), n.locale, code) : '')

/** Whether a row matches the filter box: category code or name, lead or co-handling department (code or name), grid. */
export function matches(row: Row, query: string, n: Names): boolean {
  const q = query.trim().toLowerCase()
  if (!q) return true
  const words = [row.categoryCode, categoryName(row.categoryCode, n), row.gridCode, gridName(row.gridCode, n)]
  for (const d of [row.leadDepartment, ...row.coDepartments]) words.push(d, departmentName(d, n))
  return words.some((w) => w.toLowerCase().includes(q))
}

/** The grid tree as select options, depth first, each with its depth (0 = the district itself, left out). */
export function gridOptions(root: Grid | null, n: Pick<Names, 'locale'>): { value: string; label: string; depth: number }[] {
  const out: { value: string; label: string; depth: number }[] = []
  const walk = (g: Grid, depth: number) => {
    if (depth > 0) out.push({ value: g.code, label: `${named(g, n.locale)}（${g.code}）`, depth })
    g.children?.forEach((c) => walk(c, depth + 1))
  }
  if (root) walk(root, 0)
  return out
}
