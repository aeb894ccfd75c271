import { describe, expect, it } from 'vitest'
import { limitText, mayReadMode, maySwitchMode, otherMode, reasonProblem } from '../mode'

describe('operating mode', () => {
  it('lets only the district administrator switch, and staff and screens read', () => {
    expect(maySwitchMode(['district-admin'])).toBe(true)
    expect(maySwitchMode(['dispatcher', 'city-admin'])).toBe(false)
    expect(mayReadMode(['grid-worker'])).toBe(true)
    expect(mayReadMode(['screen-viewer'])).toBe(true)
    expect(mayReadMode(['resident'])).toBe(false)
  })
  it('switches to the other mode', () => {
    expect(otherMode('normal')).toBe('wartime')
    expect(otherMode('wartime')).toBe('normal')
  })
  it('asks for a reason of at most 500 characters, as the API does', () => {
    expect(reasonProblem('  \t')).toBe('required')
    expect(reasonProblem('防汛')).toBeNull()
    expect(reasonProblem('长'.repeat(500))).toBeNull()
    expect(reasonProblem('长'.repeat(501))).toBe('tooLong')
  })
  it('says the plan limits in words', () => {
    expect(limitText('PT30M', 'zh-CN')).toBe('30 分钟')
    expect(limitText('PT24H', 'zh-CN')).toBe('24 小时')
    expect(limitText('PT72H', 'en')).toBe('72 h')
    expect(limitText('PT1H30M', 'en')).toBe('1 h 30 min')
    expect(limitText('P2D', 'zh-CN')).toBe('48 小时')
    expect(limitText('P7D', 'zh-CN')).toBe('7 天')
    expect(limitText('soon', 'en')).toBe('soon')
  })
})
