import createClient, { type Middleware } from 'openapi-fetch'
import type { components, paths } from './schema'

export type Schemas = components['schemas']
export type Case = Schemas['Case']
export type CaseAction = Schemas['CaseAction']
export type CaseStatus = Schemas['CaseStatus']
export type Channel = Schemas['Channel']
export type JournalEntry = Schemas['JournalEntry']
export type Category = Schemas['Category']
export type Department = Schemas['Department']
export type Grid = Schemas['Grid']
export type GridMap = Schemas['GridMap']
export type SignIn = Schemas['SignIn']
export type TransitionRequest = Schemas['TransitionRequest']
export type NewCase = Schemas['NewCase']

/** An RFC 9457 problem as the platform answers it; `field` names the offending input. */
export interface Problem {
  type?: string
  title?: string
  status: number
  detail?: string
  field?: string
}

/** A refused call: the problem the platform answered (or a synthetic one for a network failure). */
export class ApiError extends Error {
  readonly problem: Problem
  constructor(problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`)
    this.problem = problem
  }
  get status(): number {
    return this.problem.status
  }
}

/** Supplies a fresh bearer token (or null before sign-in); set by the session. */
let tokenSource: () => Promise<string | null> = async () => null

export function useTokenSource(source: () => Promise<string | null>): void {
  tokenSource = source
}

export async function bearer(): Promise<string | null> {
  return tokenSource()
}

const auth: Middleware = {
  async onRequest({ request }) {
    const token = await tokenSource()
    if (token) request.headers.set('Authorization', `Bearer ${token}`)
    return request
  },
}

/** The typed client of the platform's REST API (same origin). Paths and bodies come from the OpenAPI document. */
export const api = createClient<paths>({ baseUrl: '' })
api.use(auth)

/** Turns an openapi-fetch answer into its data, or throws the problem. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result
  try {
    result = await call
  } catch (e) {
    throw new ApiError({ status: 0, title: 'network', detail: String(e) })
  }
  if (result.error !== undefined || !result.response.ok) {
    const body = result.error as Partial<Problem> | undefined
    throw new ApiError({
      status: result.response.status,
      type: body?.type,
      title: body?.title,
      detail: body?.detail,
      field: body?.field,
    })
  }
  return result.data as T
}
