/** Replaying dead letters (死信重发), one or a selection, each on its own: one refusal does not stop the rest. */

export interface ReplayResult {
  id: string
  ok: boolean
  /** Why it was refused (the platform's problem text), when it was. */
  message?: string
}

/** Replays `ids` one after the other with `replayOne`; `describe` turns a refusal into the text shown. */
export async function replayEach(ids: readonly string[], replayOne: (id: string) => Promise<unknown>,
  describe: (e: unknown) => string): Promise<ReplayResult[]> {
  const results: ReplayResult[] = []
  for (const id of ids) {
    try {
      await replayOne(id)
      results.push({ id, ok: true })
    } catch (e) {
      results.push({ id, ok: false, message: describe(e) })
    }
  }
  return results
}

/** How many were queued again and how many refused. */
export function tally(results: readonly ReplayResult[]): { replayed: number; refused: number } {
  const replayed = results.filter((r) => r.ok).length
  return { replayed, refused: results.length - replayed }
}

/** Dead letters and ones that had no route may be sent again (the API answers 409 for the others). */
export function mayReplay(state: string): boolean {
  return state === 'dead' || state === 'unrouted'
}

/** The Element Plus tag type of an outbox state (never `warning`, whose text is too light on white). */
export function stateTag(state: string): 'primary' | 'success' | 'danger' | 'info' {
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
