import zhCN from './zh-CN'
import en from './en'
import { createPageI18n } from './locale'

export { setLocale, type Locale } from './locale'

/** The console's messages: zh-CN first, English on request. */
export const i18n = createPageI18n({ 'zh-CN': zhCN, en })
