/**
 * People who hold cases (承办人, ADR 0035): who may assign, what an assignment needs, and how the people
 * pages show rates. Pure functions: the components call them, the tests check them.
 */
import type { components } from '../api/schema'

export type Person = components['schemas']['Person']
export type Workload = components['schemas']['Workload']
export type PersonRanking = components['schemas']['PersonRanking']
export type RankingRow = PersonRanking['rows'][number]

/** Longest reason of a reassignment, as the platform takes it. */
export const ASSIGN_REASON_MAX = 500

/** The roles that may assign a case at all (each on the cases the platform lets them: its own department's, its grid's). */
const ASSIGNERS = ['district-admin', 'dispatcher', 'department-handler', 'grid-worker']

export function mayAssign(roles: readonly string[]): boolean {
  return roles.some((r) => ASSIGNERS.includes(r))
}

/** A case is assigned once registered and until it is closed, rejected or evaluated. */
export function assignable(status?: string): boolean {
  return !!status && !['reported', 'rejected', 'closed', 'evaluated'].includes(status)
}

/** What is wrong with an assignment before it is sent: the i18n key of the field's message, per field. */
export function assignProblems(assignee: string, reason: string, current?: string | null): { assignee?: string; reason?: string } {
  const out: { assignee?: string; reason?: string } = {}
  if (!assignee) out.assignee = 'people.pickSomeone'
  else if (assignee === current) out.assignee = 'people.samePerson'
  if (current && !reason.trim()) out.reason = 'people.reasonRequired'
  else if (reason.trim().length > ASSIGN_REASON_MAX) out.reason = 'people.reasonTooLong'
  return out
}

/** `郭建军（jz-cg）`, or the username alone when the name is not known. */
export function personLabel(p: Pick<Person, 'username' | 'name'> | undefined, username?: string | null): string {
  if (!p) return username ?? '—'
  return p.name && p.name !== p.username ? `${p.name}（${p.username}）` : p.username
}

/** A rate 0–1 as a percentage with one decimal, or a dash without one. */
export function percent(rate?: number | null): string {
  return rate === undefined || rate === null ? '—' : `${(rate * 100).toFixed(1)}%`
}

/** An average satisfaction with one decimal, or a dash. */
export function average(value?: number | null): string {
  return value === undefined || value === null ? '—' : value.toFixed(1)
}
