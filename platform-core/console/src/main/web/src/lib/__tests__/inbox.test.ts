import { describe, expect, it } from 'vitest'
import { inboxQuery, OPEN_STATUSES, readFilters, totalLabel, writeFilters } from '../inbox'

describe('inbox filters', () => {
  it('opens on the open cases, soonest due first', () => {
    const f = readFilters({})
    expect(f.view).toBe('open')
    expect(inboxQuery(f)).toMatchObject({ status: OPEN_STATUSES, sort: 'due' })
  })
  it('asks the API for overdue and due-soon cases by due time', () => {
    expect(inboxQuery({ ...readFilters({}), view: 'overdue' })).toMatchObject({ overdue: true, sort: 'due' })
    expect(inboxQuery({ ...readFilters({ dueWithin: '8' }), view: 'due-soon' })).toMatchObject({ dueWithin: 8, sort: 'due' })
  })
  it('shows everything newest first, with the chosen statuses', () => {
    const q = inboxQuery({ ...readFilters({ view: 'all', status: 'closed,evaluated' }) })
    expect(q).toMatchObject({ status: ['closed', 'evaluated'], sort: 'reported' })
  })
  it('turns the colour into the plugin attribute and leaves empty filters out', () => {
    const q = inboxQuery({ ...readFilters({ colour: 'red', q: '垃圾' }) })
    expect(q.attribute).toBe('colour:red')
    expect(q.q).toBe('垃圾')
    expect(q.grid).toBeUndefined()
  })
  it('asks for the command post\'s cases only when the filter is on', () => {
    expect(inboxQuery(readFilters({ commandPost: 'true' })).commandPost).toBe(true)
    expect(inboxQuery(readFilters({ commandPost: 'yes' })).commandPost).toBeUndefined()
    expect(writeFilters(readFilters({ commandPost: 'true', view: 'all' }))).toEqual({ view: 'all', commandPost: 'true' })
    expect(inboxQuery(readFilters({ mine: 'true' })).assignee).toBe('me')
    expect(inboxQuery(readFilters({})).assignee).toBeUndefined()
    expect(writeFilters(readFilters({ mine: 'true' }))).toEqual({ mine: 'true' })
  })
  it('round-trips through the address bar, keeping only what differs from the defaults', () => {
    const f = readFilters({ view: 'due-soon', grid: '360802001', dueWithin: '12', junk: 'x' })
    expect(writeFilters(f)).toEqual({ view: 'due-soon', grid: '360802001', dueWithin: '12' })
    expect(writeFilters(readFilters({}))).toEqual({})
    expect(readFilters({ view: 'nonsense', dueWithin: '99999' })).toMatchObject({ view: 'open', dueWithin: 4 })
  })
})

describe('inbox total', () => {
  it('says an exact count with thousands separators', () => {
    expect(totalLabel({ total: 66848, totalExact: true }, 'zh-CN')).toEqual({ key: 'inbox.total', n: '66,848' })
    expect(totalLabel({ total: 3, totalExact: true }, 'en')).toEqual({ key: 'inbox.total', n: '3' })
  })
  it('says a capped count as the cap and more', () => {
    expect(totalLabel({ total: 1000, totalExact: false }, 'zh-CN')).toEqual({ key: 'inbox.totalCapped', n: '1,000' })
    expect(totalLabel({ total: 1000, totalExact: false }, 'en')).toEqual({ key: 'inbox.totalCapped', n: '1,000' })
  })
})
