import type { CaseStatus } from '../api/client'

/** The statuses of a case still in the loop. */
export const OPEN_STATUSES: CaseStatus[] = ['reported', 'registered', 'dispatched', 'handling', 'postponed', 'feedback', 'verified']

/** The inbox's tabs: open cases by due time, overdue, due soon, or everything newest first. */
export type InboxView = 'open' | 'overdue' | 'due-soon' | 'all'

export interface InboxFilters {
  view: InboxView
  q: string
  status: CaseStatus[]
  family: string
  category: string
  grid: string
  department: string
  channel: string
  tier: string
  colour: string
  /** only the cases routed straight to the command post in wartime (直报指挥部) */
  commandPost: boolean
  /** the "due soon" window in hours */
  dueWithin: number
  /** only the cases the signed-in person holds (我的, assignee=me; ADR 0035) */
  mine: boolean
}

const VIEWS: InboxView[] = ['open', 'overdue', 'due-soon', 'all']
const KEYS = ['q', 'family', 'category', 'grid', 'department', 'channel', 'tier', 'colour'] as const

function one(v: unknown): string {
  const x = Array.isArray(v) ? v[0] : v
  return typeof x === 'string' ? x : ''
}

/** Filters from the address bar's query (unknown values are dropped; the API checks the rest). */
export function readFilters(query: Record<string, unknown>): InboxFilters {
  const view = one(query.view) as InboxView
  const hours = Number(one(query.dueWithin))
  const f: InboxFilters = {
    view: VIEWS.includes(view) ? view : 'open',
    q: '', status: [], family: '', category: '', grid: '', department: '', channel: '', tier: '', colour: '',
    commandPost: one(query.commandPost) === 'true',
    dueWithin: Number.isInteger(hours) && hours >= 1 && hours <= 720 ? hours : 4,
    mine: one(query.mine) === 'true',
  }
  for (const k of KEYS) f[k] = one(query[k])
  const status = one(query.status)
  f.status = status ? (status.split(',') as CaseStatus[]) : []
  return f
}

/** The address bar's query for filters: only what differs from the defaults. */
export function writeFilters(f: InboxFilters): Record<string, string> {
  const q: Record<string, string> = {}
  if (f.view !== 'open') q.view = f.view
  for (const k of KEYS) if (f[k]) q[k] = f[k]
  if (f.status.length) q.status = f.status.join(',')
  if (f.commandPost) q.commandPost = 'true'
  if (f.dueWithin !== 4) q.dueWithin = String(f.dueWithin)
  if (f.mine) q.mine = 'true'
  return q
}

/** The list call's parameters for the filters: open tabs sort by due time, "all" by report time. */
export function inboxQuery(f: InboxFilters) {
  const base = {
    q: f.q || undefined,
    family: (f.family || undefined) as never,
    category: f.category || undefined,
    grid: f.grid || undefined,
    department: f.department || undefined,
    channel: (f.channel || undefined) as never,
    tier: (f.tier || undefined) as never,
    attribute: f.colour ? `colour:${f.colour}` : undefined,
    commandPost: f.commandPost ? true : undefined,
    assignee: f.mine ? 'me' : undefined,
  }
  switch (f.view) {
    case 'open':
      return { ...base, status: OPEN_STATUSES, sort: 'due' as const }
    case 'overdue':
      return { ...base, overdue: true, sort: 'due' as const }
    case 'due-soon':
      return { ...base, dueWithin: f.dueWithin, sort: 'due' as const }
    default:
      return { ...base, status: f.status.length ? f.status : undefined, sort: 'reported' as const }
  }
}

/**
 * The list's count as the inbox's heading says it: exact ("共 66,848 件"), or, when a word search or the list
 * without a filter stopped counting at its cap (`totalExact` false, ADR 0038), the cap with a plus ("1,000+ 件"):
 * more match.
 */
export function totalLabel(page: { total: number; totalExact: boolean }, locale: string) {
  const n = new Intl.NumberFormat(locale).format(page.total)
  return page.totalExact ? { key: 'inbox.total', n } : { key: 'inbox.totalCapped', n }
}
