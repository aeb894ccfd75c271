import { ElMessage } from 'element-plus'
import { i18n } from '../i18n'
import { problemText } from './problemText'

/** Shows a refused call to the user: the platform's own detail, naming the field when it does. */
export function showProblem(e: unknown): void {
  ElMessage.error(problemText(e, i18n.global.t))
}
