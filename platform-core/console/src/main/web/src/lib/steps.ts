import type { CaseAction } from '../api/client'

/**
 * A step the console offers: one of the API's actions, or `register-dispatch`, which registers a
 * reported case and dispatches it in one form (two API calls, each with the version it expects).
 */
export type ConsoleStep = CaseAction | 'register-dispatch'

/** A form field of a step; the API names the same fields in TransitionRequest. */
export type StepField = 'note' | 'publicNote' | 'leadDepartment' | 'coDepartments' | 'tier' | 'extraWorkingDays' | 'satisfaction'
  | 'attachments'

/** What each step asks for. Fields marked required must be filled before the step is sent. */
export interface StepForm {
  fields: StepField[]
  required: StepField[]
  /** a step that needs no form is sent on one click (with confirmation when `confirm`) */
  confirm?: boolean
  /** shown as the primary (next-in-the-loop) button */
  primary?: boolean
  danger?: boolean
}

export const STEP_FORMS: Record<ConsoleStep, StepForm> = {
  'register-dispatch': { fields: ['leadDepartment', 'coDepartments', 'tier', 'note'], required: ['leadDepartment'], primary: true },
  register: { fields: ['tier', 'note'], required: [], primary: true },
  reject: { fields: ['note', 'publicNote'], required: ['note'], danger: true },
  dispatch: { fields: ['leadDepartment', 'coDepartments', 'note'], required: ['leadDepartment'], primary: true },
  accept: { fields: [], required: [], primary: true },
  return: { fields: ['note', 'attachments'], required: ['note'], danger: true },
  feedback: { fields: ['note', 'publicNote', 'attachments'], required: ['note'], primary: true },
  'verify-pass': { fields: ['note', 'attachments'], required: [], primary: true },
  'verify-fail': { fields: ['note', 'attachments'], required: ['note'], danger: true },
  postpone: { fields: ['extraWorkingDays', 'note'], required: ['extraWorkingDays', 'note'] },
  resume: { fields: ['note'], required: [] },
  close: { fields: ['publicNote', 'note'], required: [], primary: true },
  evaluate: { fields: ['satisfaction', 'note'], required: ['satisfaction'], primary: true },
  reopen: { fields: ['note'], required: ['note'] },
  progress: { fields: ['note', 'publicNote', 'attachments'], required: ['note'] },
  comment: { fields: ['note', 'attachments'], required: ['note'] },
}

/** Keyboard shortcuts of the frequent steps on the case page (with no modifier, outside inputs). */
export const STEP_KEYS: Partial<Record<ConsoleStep, string>> = {
  'register-dispatch': 'd',
  register: 'r',
  dispatch: 'd',
  accept: 'a',
  feedback: 'f',
  'verify-pass': 'v',
  close: 'c',
  comment: 'm',
}

/**
 * The step buttons in display order: primary steps first, then the others, `comment` last. A
 * reported case that the caller may also dispatch gets `register-dispatch` first.
 */
export function orderedSteps(allowed: readonly CaseAction[], mayDispatch: boolean): ConsoleStep[] {
  const steps: ConsoleStep[] = [...allowed]
  if (mayDispatch && allowed.includes('register')) steps.unshift('register-dispatch')
  const rank = (a: ConsoleStep) => (a === 'register-dispatch' ? -1 : a === 'comment' ? 3 : STEP_FORMS[a].primary ? 0 : STEP_FORMS[a].danger ? 2 : 1)
  return steps.sort((a, b) => rank(a) - rank(b))
}

/** The dispatch proposed for a case (派单建议: responsibility list and plugin triage, ADR 0033). */
export interface Proposal {
  leadDepartment: string
  coDepartments: string[]
  tier: string
  source: string
}

/**
 * What a step's form starts with: the proposal's lead and co-handling departments for a step that
 * dispatches; nothing otherwise. The tier is not preset: a tier chosen at registration overrides the
 * plugin's triage and its due period, so the form only shows the proposed one.
 */
export function prefill(step: ConsoleStep, proposal: Proposal | null | undefined): Partial<Record<StepField, unknown>> {
  if (!proposal || !STEP_FORMS[step].fields.includes('leadDepartment')) return {}
  return { leadDepartment: proposal.leadDepartment, coDepartments: [...proposal.coDepartments] }
}

/** The API calls of a step: one body per action, in order. */
export function stepBodies(step: ConsoleStep, form: Partial<Record<StepField, unknown>>): Record<string, unknown>[] {
  if (step !== 'register-dispatch') return [stepBody(step, form)]
  const register = stepBody('register', { tier: form.tier })
  const dispatch = stepBody('dispatch', { leadDepartment: form.leadDepartment, coDepartments: form.coDepartments, note: form.note })
  return [register, dispatch]
}

/** The request body of a step from a filled form: empty fields are left out, numbers are numbers. */
export function stepBody(action: CaseAction, form: Partial<Record<StepField, unknown>>): Record<string, unknown> {
  const body: Record<string, unknown> = { action }
  for (const field of STEP_FORMS[action].fields) {
    const raw = form[field]
    const value = typeof raw === 'string' ? raw.trim() : raw
    if (value === undefined || value === null || value === '') continue
    if (Array.isArray(value) && value.length === 0) continue
    body[field] = value
  }
  return body
}

/** The required fields still empty; the form shows them before anything is sent. */
export function missingFields(action: ConsoleStep, form: Partial<Record<StepField, unknown>>): StepField[] {
  return STEP_FORMS[action].required.filter((f) => {
    const v = form[f]
    return v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0)
  })
}
