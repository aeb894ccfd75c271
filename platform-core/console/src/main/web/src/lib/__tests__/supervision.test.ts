import { describe, expect, it } from 'vitest'
import {
  awaitsAnswer, deadlineProblem, defaultDeadline, kindTag, mayAnswerAs, mayIssue, openForOrders, textProblem,
  withOffset, zoneInstant, zoneWallClock, type Supervision,
} from '../supervision'

const record = (over: Partial<Supervision>): Supervision => ({
  id: 'a', tenant: 'jizhou', caseId: 'c', caseNumber: 'n', kind: 'order', kindLabel: '督办', trigger: 'manual', triggerLabel: '人工督办',
  reason: '事由', issuedBy: 'jz-dispatcher', issuedAt: '2026-03-15T06:00:00Z', listed: false, overdue: false, ...over,
})

describe('supervision', () => {
  it('lets dispatchers and district leaders issue, handlers and the centre answer', () => {
    expect(mayIssue(['dispatcher'])).toBe(true)
    expect(mayIssue(['district-admin'])).toBe(true)
    expect(mayIssue(['department-handler', 'grid-worker'])).toBe(false)
    expect(mayAnswerAs(['department-handler'])).toBe(true)
    expect(mayAnswerAs(['mediator', 'social-worker'])).toBe(false)
  })
  it('waits for an answer on orders, never on reminders', () => {
    expect(awaitsAnswer(record({}))).toBe(true)
    expect(awaitsAnswer(record({ answer: '已处理' }))).toBe(false)
    expect(awaitsAnswer(record({ kind: 'reminder' }))).toBe(false)
    expect(awaitsAnswer(record({ kind: 'escalation' }))).toBe(true)
  })
  it('issues orders on open cases only', () => {
    expect(openForOrders('handling')).toBe(true)
    expect(openForOrders('closed')).toBe(false)
    expect(openForOrders('rejected')).toBe(false)
    expect(openForOrders(undefined)).toBe(false)
  })
  it('marks listed matters and escalations red', () => {
    expect(kindTag('reminder')).toBe('info')
    expect(kindTag('listed')).toBe('danger')
  })
  it('checks reason and deadline as the API does', () => {
    expect(textProblem('  ', 500)).toBe('required')
    expect(textProblem('长'.repeat(501), 500)).toBe('tooLong')
    expect(textProblem(' 请加快 ', 500)).toBeNull()
    const now = new Date(Date.UTC(2026, 2, 15, 2, 0)) // 10:00 in Beijing
    expect(deadlineProblem(null, now)).toBe('required')
    expect(deadlineProblem(new Date(2026, 2, 15, 9, 0), now)).toBe('past')
    expect(deadlineProblem(new Date(2026, 2, 15, 11, 0), now)).toBeNull()
    expect(deadlineProblem(new Date(2026, 6, 1), now)).toBe('tooFar')
    expect(deadlineProblem(defaultDeadline(now), now)).toBeNull()
  })
  it('proposes three days ahead at 18:00 Beijing time and sends it as Beijing time, whatever the browser zone', () => {
    const d = defaultDeadline(new Date(Date.UTC(2026, 2, 14, 17, 30))) // 01:30 on the 15th in Beijing
    expect([d.getDate(), d.getHours(), d.getMinutes()]).toEqual([18, 18, 0])
    const text = withOffset(d)
    expect(text).toBe('2026-03-18T18:00:00+08:00')
    expect(new Date(text).getTime()).toBe(Date.UTC(2026, 2, 18, 10, 0))
    expect(zoneInstant(d)).toBe(Date.UTC(2026, 2, 18, 10, 0))
  })
  it('shows the picker the district wall clock', () => {
    expect(zoneWallClock(new Date(Date.UTC(2026, 0, 1, 20, 5))).getHours()).toBe(4)
  })
})
