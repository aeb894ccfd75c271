import { ApiError } from '../api/client'
import { problemText } from '../lib/problemText'
import { i18n } from './i18n'

/** A refused call in the resident's words (too many tries named as such). */
export function residentProblem(e: unknown): string {
  const t = i18n.global.t as (key: string, values?: Record<string, unknown>) => string
  if (e instanceof ApiError && e.status === 429) return t('error.busy')
  return problemText(e, t)
}
