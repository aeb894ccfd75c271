import { describe, expect, it } from 'vitest'
import { assignable, assignProblems, average, mayAssign, percent, personLabel } from '../people'

describe('people', () => {
  it('lets the centre, departments and grids assign, not residents or mediators', () => {
    expect(mayAssign(['department-handler'])).toBe(true)
    expect(mayAssign(['grid-worker'])).toBe(true)
    expect(mayAssign(['mediator', 'resident'])).toBe(false)
  })
  it('assigns registered open cases only', () => {
    expect(assignable('reported')).toBe(false)
    expect(assignable('dispatched')).toBe(true)
    expect(assignable('handling')).toBe(true)
    expect(assignable('closed')).toBe(false)
    expect(assignable(undefined)).toBe(false)
  })
  it('needs someone, someone else, and a reason to reassign', () => {
    expect(assignProblems('', '', null)).toEqual({ assignee: 'people.pickSomeone' })
    expect(assignProblems('jz-cg', '', null)).toEqual({})
    expect(assignProblems('jz-cg', '', 'jz-cg')).toEqual({ assignee: 'people.samePerson', reason: 'people.reasonRequired' })
    expect(assignProblems('jz-cg2', '  ', 'jz-cg')).toEqual({ reason: 'people.reasonRequired' })
    expect(assignProblems('jz-cg2', 'x'.repeat(501), 'jz-cg')).toEqual({ reason: 'people.reasonTooLong' })
    expect(assignProblems('jz-cg2', '休假', 'jz-cg')).toEqual({})
  })
  it('shows names, rates and averages', () => {
    expect(personLabel({ username: 'jz-cg', name: '郭建军' })).toBe('郭建军（jz-cg）')
    expect(personLabel(undefined, 'gone')).toBe('gone')
    expect(personLabel(undefined, null)).toBe('—')
    expect(percent(0.5)).toBe('50.0%')
    expect(percent(null)).toBe('—')
    expect(average(4)).toBe('4.0')
    expect(average(undefined)).toBe('—')
  })
})
