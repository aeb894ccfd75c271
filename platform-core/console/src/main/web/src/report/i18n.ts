import zhCN from './messages/zh-CN'
import en from './messages/en'
import { createPageI18n } from '../i18n/locale'

/** The resident page's messages: zh-CN first, English on request (the same choice as the console's). */
export const i18n = createPageI18n({ 'zh-CN': zhCN, en })
