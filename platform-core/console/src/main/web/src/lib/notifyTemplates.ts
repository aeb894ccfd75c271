import type { Schemas } from '../api/client'

/** Notification templates (通知模板): the district's texts per event, with `${name}` variables (Apache Commons Text). */
export type NotificationTemplate = Schemas['NotificationTemplate']

/** `${name}` or `${name:-fallback}`, as the platform reads them. */
const VARIABLE = /\$\{([^}:]*)(?::-([^}]*))?\}/g

/**
 * The text as a notice would show it with `values`: a known variable takes its value, an unknown one its
 * fallback when it has one, else it stays as written (as the platform renders it).
 */
export function render(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(VARIABLE, (whole, name: string, fallback: string | undefined) =>
    name in values ? values[name] : fallback !== undefined ? fallback : whole)
}

/** The variables `text` uses that the event does not carry (the platform refuses them), each once. */
export function unknownVariables(text: string, allowed: readonly string[]): string[] {
  const out = new Set<string>()
  for (const m of text.matchAll(VARIABLE)) if (!allowed.includes(m[1])) out.add(m[1])
  return [...out]
}

/** `text` with `${name}` put in place of the selection `start`–`end`, and where the caret goes after it. */
export function insertVariable(text: string, start: number, end: number, name: string): { text: string; caret: number } {
  const token = '${' + name + '}'
  const a = Math.max(0, Math.min(start, text.length))
  const b = Math.max(a, Math.min(end, text.length))
  return { text: text.slice(0, a) + token + text.slice(b), caret: a + token.length }
}

/** The i18n key of an event's name (the keys hold no dots). */
export function eventLabelKey(event: string): string {
  return `notifyTemplates.events.${event.replace(/\./g, '_')}`
}

/** SMS is cut at this many characters after rendering (NotificationTemplate in the core service). */
export const SMS_LIMIT = 300
export const SUBJECT_MAX = 200
export const TEXT_MAX = 2000
