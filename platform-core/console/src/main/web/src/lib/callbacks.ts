import type { Schemas } from '../api/client'

export type CallbackTask = Schemas['CallbackTask']
export type CallbackAttempt = Schemas['CallbackAttempt']
export type CallbackResult = Schemas['CallbackResult']
export type CallbackListState = 'due' | 'unreachable'

/**
 * The three answers of the 12345 norm and the satisfaction (1–5) each records as the case's evaluation
 * (ADR 0030): 满意 5, 基本满意 4 (both count as satisfied in the KPIs), 不满意 1.
 */
export const SATISFACTION_LEVELS = [
  { key: 'satisfied', value: 5 },
  { key: 'mostlySatisfied', value: 4 },
  { key: 'dissatisfied', value: 1 },
] as const

export type SatisfactionLevel = (typeof SATISFACTION_LEVELS)[number]['key']

/** The body of one attempt: reached with the level's satisfaction, or not reached (no satisfaction). */
export function attemptBody(reached: boolean, level: SatisfactionLevel | '', note: string): CallbackAttempt {
  const body: CallbackAttempt = { reached }
  if (reached) {
    const found = SATISFACTION_LEVELS.find((l) => l.key === level)
    if (found) body.satisfaction = found.value
  }
  const trimmed = note.trim()
  if (trimmed) body.note = trimmed
  return body
}

/** Attempts left before the case is given up (未回访成功). */
export function attemptsLeft(task: Pick<CallbackTask, 'failedAttempts' | 'maxAttempts'>): number {
  return Math.max(0, task.maxAttempts - task.failedAttempts)
}

/** A list state from the address bar, else `due`. */
export function listStateParam(value: unknown): CallbackListState {
  return value === 'unreachable' ? 'unreachable' : 'due'
}
