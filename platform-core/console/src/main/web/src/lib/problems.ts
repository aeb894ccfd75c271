import { ElMessage } from 'element-plus'
import { ApiError } from '../api/client'
import { i18n } from '../i18n'

/** Shows a refused call to the user: the platform's own detail, naming the field when it does. */
export function showProblem(e: unknown): void {
  const t = i18n.global.t
  if (e instanceof ApiError) {
    if (e.status === 0) return void ElMessage.error(t('error.network'))
    if (e.status === 403) return void ElMessage.error(t('error.forbidden'))
    const detail = e.problem.detail ?? e.problem.title ?? String(e.status)
    ElMessage.error(e.problem.field ? t('error.field', { field: e.problem.field, detail }) : t('error.generic', { detail }))
    return
  }
  ElMessage.error(t('error.generic', { detail: String(e) }))
}
