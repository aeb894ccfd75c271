import { describe, expect, it } from 'vitest'
import { exportUrl, refusals, type BulkAnswer } from '../bulk'
import { readFilters } from '../inbox'

describe('export address', () => {
  it('carries the list filters, statuses repeated, and the format', () => {
    const f = readFilters({ view: 'all', q: '井盖', status: 'registered,dispatched' })
    const url = new URL(exportUrl('jizhou', f, 'xlsx'), 'http://x')
    expect(url.pathname).toBe('/api/v1/tenants/jizhou/cases/export')
    expect(url.searchParams.get('format')).toBe('xlsx')
    expect(url.searchParams.get('q')).toBe('井盖')
    expect(url.searchParams.getAll('status')).toEqual(['registered', 'dispatched'])
    expect(url.searchParams.has('limit')).toBe(false)
  })
})

describe('bulk refusals', () => {
  it('lists the refused cases by number with the detail', () => {
    const answer: BulkAnswer = {
      action: 'dispatch', ok: 1, failed: 1,
      results: [
        { caseId: 'a', ok: true, number: 'N-1', status: 'dispatched', version: 3 },
        { caseId: 'b', ok: false, problem: { type: 't', title: '不允许的流转', status: 409, detail: '已上报的案件不能派遣' } },
      ],
    }
    expect(refusals(answer, new Map([['b', 'N-2']]))).toEqual([{ number: 'N-2', detail: '已上报的案件不能派遣' }])
  })
})
