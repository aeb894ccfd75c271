import { describe, expect, it } from 'vitest'
import { retryDelay } from '../liveEvents'

describe('retryDelay', () => {
  it('doubles from one second up to thirty, with jitter of a quarter either way', () => {
    const mid = () => 0.5
    expect([0, 1, 2, 3, 4, 5, 6].map((a) => retryDelay(a, mid))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000])
    expect(retryDelay(0, () => 0)).toBe(750)
    expect(retryDelay(10, () => 0.999999)).toBeLessThanOrEqual(37_500)
  })
})
