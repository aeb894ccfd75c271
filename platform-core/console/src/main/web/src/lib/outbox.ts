import type { Schemas } from '../api/client'

export type Dispatch = Schemas['Dispatch']
export type DispatchState = Schemas['DispatchState']

/** The outbox states, in the order of the filter. */
export const DISPATCH_STATES: DispatchState[] = ['pending', 'delivered', 'dead', 'unrouted', 'cancelled']

/** Dead letters and dispatches that had no route may be delivered again (others answer 409). */
export function mayReplay(state: DispatchState): boolean {
  return state === 'dead' || state === 'unrouted'
}

/** The Element Plus tag type of a state (never `warning`, whose text is too light on white). */
export function stateTag(state: DispatchState): 'primary' | 'success' | 'danger' | 'info' {
  switch (state) {
    case 'delivered':
      return 'success'
    case 'dead':
      return 'danger'
    case 'pending':
      return 'primary'
    default:
      return 'info'
  }
}

/** A state from the address bar, or none when it is not one. */
export function stateParam(value: unknown): DispatchState | '' {
  return typeof value === 'string' && (DISPATCH_STATES as string[]).includes(value) ? (value as DispatchState) : ''
}
