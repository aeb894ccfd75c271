import { describe, expect, it } from 'vitest'
import {
  addDays, fromPicked, lastDay, monthText, periodText, quickOf, quickPeriod, recentReportPeriods,
  reportPeriodOf, reportPeriodText, validPeriod, validReportPeriod,
} from '../period'

// 15 January 2026 in Beijing (the district's zone): the month before is last year's December
const january = new Date('2026-01-15T10:00:00+08:00')
const november = new Date('2026-11-30T23:59:00+08:00')

describe('KPI periods', () => {
  it('gives this month, last month and this year with `to` exclusive', () => {
    expect(quickPeriod('this-month', november)).toEqual({ from: '2026-11-01', to: '2026-12-01' })
    expect(quickPeriod('last-month', november)).toEqual({ from: '2026-10-01', to: '2026-11-01' })
    expect(quickPeriod('this-year', november)).toEqual({ from: '2026-01-01', to: '2027-01-01' })
  })
  it('crosses the year at its ends', () => {
    expect(quickPeriod('last-month', january)).toEqual({ from: '2025-12-01', to: '2026-01-01' })
    expect(quickPeriod('this-month', new Date('2026-12-31T00:00:00+08:00'))).toEqual({ from: '2026-12-01', to: '2027-01-01' })
  })
  it('recognises a quick choice, and nothing else', () => {
    expect(quickOf({ from: '2025-12-01', to: '2026-01-01' }, january)).toBe('last-month')
    expect(quickOf({ from: '2026-01-01', to: '2026-01-08' }, january)).toBeNull()
  })
  it('converts between the picked last day and the exclusive end', () => {
    expect(fromPicked('2026-02-01', '2026-02-28')).toEqual({ from: '2026-02-01', to: '2026-03-01' })
    expect(fromPicked('2024-02-01', '2024-02-29').to).toBe('2024-03-01')
    expect(lastDay({ from: '2026-01-01', to: '2027-01-01' })).toBe('2026-12-31')
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28')
  })
  it('accepts only a well-formed period that runs forwards', () => {
    expect(validPeriod({ from: '2026-11-01', to: '2026-12-01' })).toBe(true)
    expect(validPeriod({ from: '2026-11-01', to: '2026-11-01' })).toBe(false)
    expect(validPeriod({ from: '2026-12-01', to: '2026-11-01' })).toBe(false)
    expect(validPeriod({ from: '2026-02-30', to: '2026-03-05' })).toBe(false)
    expect(validPeriod({ from: '', to: '2026-03-05' })).toBe(false)
  })
  it('reads as first and last day', () => {
    expect(periodText({ from: '2026-11-01', to: '2026-12-01' })).toBe('2026-11-01 – 2026-11-30')
    expect(periodText({ from: '2026-11-05', to: '2026-11-06' })).toBe('2026-11-05')
  })
})

describe('report periods', () => {
  it('names the period of each kind', () => {
    expect(reportPeriodOf('monthly', 2026, 3)).toBe('2026-03')
    expect(reportPeriodOf('quarterly', 2026, 3)).toBe('2026-Q1')
    expect(reportPeriodOf('quarterly', 2026, 10)).toBe('2026-Q4')
    expect(reportPeriodOf('half-year', 2026, 6)).toBe('2026-H1')
    expect(reportPeriodOf('half-year', 2026, 7)).toBe('2026-H2')
  })
  it('lists recent periods newest first, across years', () => {
    expect(recentReportPeriods('monthly', january, 3)).toEqual(['2026-01', '2025-12', '2025-11'])
    expect(recentReportPeriods('quarterly', january, 3)).toEqual(['2026-Q1', '2025-Q4', '2025-Q3'])
    expect(recentReportPeriods('half-year', november, 3)).toEqual(['2026-H2', '2026-H1', '2025-H2'])
  })
  it('checks a period against its kind', () => {
    expect(validReportPeriod('monthly', '2026-11')).toBe(true)
    expect(validReportPeriod('monthly', '2026-13')).toBe(false)
    expect(validReportPeriod('quarterly', '2026-11')).toBe(false)
    expect(validReportPeriod('quarterly', '2026-Q4')).toBe(true)
    expect(validReportPeriod('half-year', '2026-H3')).toBe(false)
  })
  it('reads in both languages', () => {
    expect(reportPeriodText('2026-03', 'zh-CN')).toBe('2026年3月')
    expect(reportPeriodText('2026-03', 'en')).toBe('Mar 2026')
    expect(reportPeriodText('2026-Q4', 'zh-CN')).toBe('2026年第4季度')
    expect(reportPeriodText('2026-Q4', 'en')).toBe('Q4 2026')
    expect(reportPeriodText('2026-H1', 'zh-CN')).toBe('2026年上半年')
    expect(reportPeriodText('2026-H2', 'en')).toBe('H2 2026')
    expect(monthText('2026-12', 'zh-CN')).toBe('2026年12月')
    expect(monthText('junk', 'en')).toBe('junk')
  })
})
