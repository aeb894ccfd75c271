import { createI18n } from 'vue-i18n'

export type Locale = 'zh-CN' | 'en'
const KEY = 'gongzhi.locale'

function initial(): Locale {
  const saved = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY)
  return saved === 'en' || saved === 'zh-CN' ? saved : 'zh-CN'
}

/** The locale of the page's i18n instance (each page of the build, the console or the resident page, makes one). */
let current: { value: string } | null = null

/**
 * The i18n of one page with its own messages: zh-CN first, English on request, the choice
 * remembered in this browser for every page of the platform.
 */
export function createPageI18n<M extends object>(messages: Record<Locale, M>) {
  // the messages are checked where they are written (en.ts is typed as zh-CN.ts); vue-i18n sees plain dictionaries
  const dictionaries = messages as unknown as Record<Locale, Record<string, string>>
  const i18n = createI18n({ legacy: false, locale: initial(), fallbackLocale: 'zh-CN', messages: dictionaries })
  current = i18n.global.locale
  if (typeof document !== 'undefined') document.documentElement.lang = i18n.global.locale.value
  return i18n
}

/** Switches the page's language (and the document's `lang`), remembered in this browser. */
export function setLocale(locale: Locale): void {
  if (current) current.value = locale
  localStorage.setItem(KEY, locale)
  document.documentElement.lang = locale
}
