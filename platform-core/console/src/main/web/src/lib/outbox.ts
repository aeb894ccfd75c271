import type { Schemas } from '../api/client'

export { mayReplay, stateTag } from './replay'

export type Dispatch = Schemas['Dispatch']
export type DispatchState = Schemas['DispatchState']

/** The outbox states, in the order of the filter. */
export const DISPATCH_STATES: DispatchState[] = ['pending', 'delivered', 'dead', 'unrouted', 'cancelled']

/** A state from the address bar, or none when it is not one. */
export function stateParam(value: unknown): DispatchState | '' {
  return typeof value === 'string' && (DISPATCH_STATES as string[]).includes(value) ? (value as DispatchState) : ''
}
