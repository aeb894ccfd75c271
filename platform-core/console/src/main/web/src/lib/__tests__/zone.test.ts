import { afterEach, describe, expect, it } from 'vitest'
import { fullTime, shortTime } from '../format'
import { localDate, quickPeriod } from '../period'
import { withOffset, zoneInstant } from '../supervision'
import { DEFAULT_ZONE, displayZone, instantOfWallClock, offsetText, setDisplayZone, wallClockAt, zoneName, zoneOfRealm } from '../zone'

afterEach(() => setDisplayZone(DEFAULT_ZONE))

describe('the district zone', () => {
  it('shows instants as the journal does, in Beijing time, whatever the browser zone', () => {
    expect(fullTime('2026-03-17T16:00:00Z')).toBe('2026-03-18 00:00')
    expect(fullTime('2026-12-31T23:59:00+08:00')).toBe('2026-12-31 23:59')
    expect(shortTime('2026-03-17T16:00:00Z')).toBe('03-18 00:00')
    expect(fullTime(undefined)).toBe('—')
    expect(fullTime('not a time')).toBe('—')
  })
  it('takes the district zone from the sign-in facts; the city uses the zone its districts share', () => {
    const districts = [{ realm: 'jizhou', timeZone: 'Asia/Shanghai' }, { realm: 'kashi', timeZone: 'Asia/Urumqi' }]
    expect(zoneOfRealm('kashi', districts)).toBe('Asia/Urumqi')
    expect(zoneOfRealm('gongzhi-city', districts)).toBe(DEFAULT_ZONE)
    expect(zoneOfRealm('gongzhi-city', [{ realm: 'a', timeZone: 'Asia/Urumqi' }])).toBe('Asia/Urumqi')
    setDisplayZone('Not/AZone')
    expect(displayZone()).toBe(DEFAULT_ZONE)
  })
  it('follows a zone with daylight saving: wall clocks, offsets and picked times', () => {
    setDisplayZone('Europe/Berlin')
    expect(fullTime('2026-07-01T10:00:00Z')).toBe('2026-07-01 12:00')
    expect(fullTime('2026-01-01T10:00:00Z')).toBe('2026-01-01 11:00')
    expect(offsetText(Date.UTC(2026, 6, 1))).toBe('+02:00')
    const picked = new Date(2026, 6, 1, 18, 0)
    expect(zoneInstant(picked)).toBe(Date.UTC(2026, 6, 1, 16, 0))
    expect(withOffset(picked)).toBe('2026-07-01T18:00:00+02:00')
    expect(instantOfWallClock({ year: 2026, month: 1, day: 5, hour: 9, minute: 30, second: 0 })).toBe(Date.UTC(2026, 0, 5, 8, 30))
    expect(zoneName('en', Date.UTC(2026, 0, 1))).toBe('Europe/Berlin (UTC+1)')
  })
  it('names Beijing time in both languages', () => {
    expect(zoneName('zh-CN')).toBe('北京时间 (UTC+8)')
    expect(zoneName('en')).toBe('Beijing time (UTC+8)')
  })
  it('dates KPI periods on the district calendar, not the browser one', () => {
    const lateOnNewYearsEveUtc = new Date(Date.UTC(2026, 11, 31, 20, 0)) // 04:00 on 1 January in Beijing
    expect(localDate(lateOnNewYearsEveUtc)).toBe('2027-01-01')
    expect(quickPeriod('this-month', lateOnNewYearsEveUtc)).toEqual({ from: '2027-01-01', to: '2027-02-01' })
    expect(wallClockAt(Date.UTC(2026, 0, 1, 16, 0)).hour).toBe(0)
  })
})
