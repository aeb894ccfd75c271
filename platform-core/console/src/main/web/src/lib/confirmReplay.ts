import { ElMessageBox } from 'element-plus'
import { i18n } from '../i18n'

/** Asks before sending something again; true when the user confirmed. */
export async function confirmReplay(message: string): Promise<boolean> {
  const t = i18n.global.t
  try {
    await ElMessageBox.confirm(message, t('dispatches.confirmTitle'), {
      confirmButtonText: t('dispatches.confirm'),
      cancelButtonText: t('dispatches.cancel'),
      type: 'info',
    })
    return true
  } catch {
    return false
  }
}
