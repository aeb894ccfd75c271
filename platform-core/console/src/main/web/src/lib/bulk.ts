import type { Schemas } from '../api/client'
import { inboxQuery, type InboxFilters } from './inbox'

export type BulkAnswer = Schemas['BulkAnswer']
export type BulkResult = Schemas['BulkResult']
/** What the platform does on many cases at once (`POST …/cases/bulk`): two steps, and naming the holder. */
export const BULK_STEPS = ['dispatch', 'close', 'assign'] as const
export type BulkStep = (typeof BULK_STEPS)[number]
/** Most cases in one bulk request. */
export const BULK_MAX = 200

/**
 * The export's address with the list's filters (`GET …/cases/export`): the same query the list sends,
 * without its page, repeated parameters for the statuses.
 */
export function exportUrl(tenant: string, filters: InboxFilters, format: 'csv' | 'xlsx'): string {
  const params = new URLSearchParams({ format })
  for (const [name, value] of Object.entries(inboxQuery(filters))) {
    if (value === undefined || value === null || value === '') continue
    for (const one of Array.isArray(value) ? value : [value]) params.append(name, String(one))
  }
  return `/api/v1/tenants/${encodeURIComponent(tenant)}/cases/export?${params}`
}

/** The cases a bulk answer refused, each with the case number the console knows and the problem's detail. */
export function refusals(answer: BulkAnswer, numbers: Map<string, string>): { number: string; detail: string }[] {
  return answer.results
    .filter((r) => !r.ok)
    .map((r) => ({ number: numbers.get(r.caseId) ?? r.caseId, detail: r.problem?.detail ?? r.problem?.title ?? '' }))
}
