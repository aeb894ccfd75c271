import zhCN from './messages/zh-CN'
import en from './messages/en'
import { createPageI18n, type Locale } from '../i18n/locale'

/**
 * The big screen's messages: zh-CN first, English on request. The language is the console's (one
 * choice per browser), unless the address says otherwise: `?lang=en` or `?lang=zh-CN` (a wall's
 * kiosk browser is started with its address; nobody switches it by hand). The address's choice is
 * not remembered: the console keeps its own.
 */
export const i18n = createPageI18n({ 'zh-CN': zhCN, en })

export function languageFromQuery(search: string): Locale | null {
  const lang = new URLSearchParams(search).get('lang')
  if (lang === 'en' || lang?.toLowerCase().startsWith('en-')) return 'en'
  if (lang === 'zh-CN' || lang === 'zh' || lang?.toLowerCase() === 'zh-cn') return 'zh-CN'
  return null
}

if (typeof window !== 'undefined') {
  const asked = languageFromQuery(window.location.search)
  if (asked) {
    i18n.global.locale.value = asked
    document.documentElement.lang = asked
  }
}
