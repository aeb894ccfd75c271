import type { Schemas } from '../api/client'

/** Cross-district transfer (跨区转办, ADR 0037). */
export type CaseTransfer = Schemas['CaseTransfer']
export type TransferProposal = Schemas['TransferProposal']

/** The longest note or refusal reason the platform takes. */
export const TEXT_MAX = 1000

/** Whether these roles send and answer transfers: the centre's dispatchers and the district's administrators. */
export function mayTransfer(roles: readonly string[]): boolean {
  return roles.includes('dispatcher') || roles.includes('district-admin')
}

/** Only a case not yet dispatched can be transferred. */
export function transferable(status: string | undefined): boolean {
  return status === 'reported' || status === 'registered'
}

/** What is wrong with a refusal reason or a note, or null: `required` (when required) or `long`. */
export function textProblem(text: string, required: boolean): 'required' | 'long' | null {
  const v = text.trim()
  if (v.length === 0) return required ? 'required' : null
  return v.length > TEXT_MAX ? 'long' : null
}

/** The district the dialog offers first: the rule's proposal when it is one the case may go to. */
export function defaultTarget(p: Pick<TransferProposal, 'proposedDistrict' | 'districts'> | null): string {
  if (!p?.proposedDistrict) return ''
  return (p.districts ?? []).some((d) => d.id === p.proposedDistrict) ? p.proposedDistrict : ''
}
