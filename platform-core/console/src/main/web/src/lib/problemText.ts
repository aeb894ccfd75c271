import { ApiError } from '../api/client'

type Translate = (key: string, values?: Record<string, unknown>) => string

/** A refused call in words: the platform's own detail, naming the field when it does (messages `error.*`). */
export function problemText(e: unknown, t: Translate): string {
  if (e instanceof ApiError) {
    if (e.status === 0) return t('error.network')
    if (e.status === 403) return t('error.forbidden')
    const detail = e.problem.detail ?? e.problem.title ?? String(e.status)
    return e.problem.field ? t('error.field', { field: e.problem.field, detail }) : t('error.generic', { detail })
  }
  return t('error.generic', { detail: String(e) })
}
