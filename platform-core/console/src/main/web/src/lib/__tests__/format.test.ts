import { describe, expect, it } from 'vitest'
import { gap } from '../format'

describe('gap between two reports', () => {
  it('says minutes under an hour, never zero', () => {
    expect(gap(0.027)).toEqual({ key: 'duplicate.minutes', n: 2 })
    expect(gap(0)).toEqual({ key: 'duplicate.minutes', n: 1 })
    expect(gap(0.99)).toEqual({ key: 'duplicate.minutes', n: 59 })
  })
  it('says hours to one decimal from an hour on', () => {
    expect(gap(1)).toEqual({ key: 'duplicate.hours', n: 1 })
    expect(gap(3.456)).toEqual({ key: 'duplicate.hours', n: 3.5 })
    expect(gap(71.96)).toEqual({ key: 'duplicate.hours', n: 72 })
  })
})
