import { describe, expect, it } from 'vitest'
import { attemptBody, attemptsLeft, listStateParam, SATISFACTION_LEVELS } from '../callbacks'

describe('callbacks (回访)', () => {
  it('maps the three answers of the 12345 norm onto the evaluation scale', () => {
    expect(SATISFACTION_LEVELS.map((l) => l.value)).toEqual([5, 4, 1])
    expect(attemptBody(true, 'satisfied', '')).toEqual({ reached: true, satisfaction: 5 })
    expect(attemptBody(true, 'mostlySatisfied', '  态度好 ')).toEqual({ reached: true, satisfaction: 4, note: '态度好' })
    expect(attemptBody(true, 'dissatisfied', '')).toEqual({ reached: true, satisfaction: 1 })
  })
  it('sends no satisfaction for a caller not reached, and none when no level was chosen', () => {
    expect(attemptBody(false, 'satisfied', '无人接听')).toEqual({ reached: false, note: '无人接听' })
    expect(attemptBody(true, '', '')).toEqual({ reached: true })
  })
  it('counts the attempts left and reads the list state from the address bar', () => {
    expect(attemptsLeft({ failedAttempts: 1, maxAttempts: 3 })).toBe(2)
    expect(attemptsLeft({ failedAttempts: 4, maxAttempts: 3 })).toBe(0)
    expect(listStateParam('unreachable')).toBe('unreachable')
    expect(listStateParam('x')).toBe('due')
    expect(listStateParam(undefined)).toBe('due')
  })
})
