import { describe, expect, it } from 'vitest'
import { byDue, countdown, urgency } from '../sla'

const now = Date.parse('2026-12-05T08:00:00Z')

describe('urgency', () => {
  it('is overdue once the due time has passed', () => {
    expect(urgency({ status: 'dispatched', dueAt: '2026-12-05T07:59:00Z' }, now)).toBe('overdue')
  })
  it('is due soon within the window, warning after the warning time, normal before', () => {
    expect(urgency({ status: 'handling', dueAt: '2026-12-05T11:00:00Z' }, now)).toBe('due-soon')
    expect(urgency({ status: 'handling', dueAt: '2026-12-06T08:00:00Z', warningAt: '2026-12-05T07:00:00Z' }, now)).toBe('warning')
    expect(urgency({ status: 'handling', dueAt: '2026-12-08T08:00:00Z', warningAt: '2026-12-07T08:00:00Z' }, now)).toBe('normal')
  })
  it('has none when the clock does not run', () => {
    for (const status of ['closed', 'evaluated', 'rejected', 'postponed', 'reported']) {
      expect(urgency({ status, dueAt: '2026-12-01T00:00:00Z' }, now)).toBe('none')
    }
    expect(urgency({ status: 'registered' }, now)).toBe('none')
  })
  it('uses the window it is given', () => {
    expect(urgency({ status: 'handling', dueAt: '2026-12-05T11:00:00Z' }, now, 2)).toBe('normal')
  })
})

describe('countdown', () => {
  it('speaks days, hours and minutes in both languages', () => {
    expect(countdown((2 * 24 + 3) * 3_600_000 + 5 * 60_000, 'zh-CN')).toBe('2天3小时')
    expect(countdown(3 * 3_600_000 + 5 * 60_000, 'zh-CN')).toBe('3小时05分')
    expect(countdown(12 * 60_000 + 59_000, 'zh-CN')).toBe('12分')
    expect(countdown(-(3 * 3_600_000 + 5 * 60_000), 'en')).toBe('3h 05m')
    expect(countdown(2 * 86_400_000, 'en')).toBe('2d 0h')
  })
})

describe('byDue', () => {
  it('puts the soonest due first and cases without a due time last, newest first', () => {
    const rows = [
      { id: 'none-old', reportedAt: '2026-12-01T00:00:00Z' },
      { id: 'late', dueAt: '2026-12-09T00:00:00Z', reportedAt: '2026-12-01T00:00:00Z' },
      { id: 'none-new', reportedAt: '2026-12-04T00:00:00Z' },
      { id: 'soon', dueAt: '2026-12-05T09:00:00Z', reportedAt: '2026-12-02T00:00:00Z' },
    ]
    expect(rows.sort(byDue).map((r) => r.id)).toEqual(['soon', 'late', 'none-new', 'none-old'])
  })
})
