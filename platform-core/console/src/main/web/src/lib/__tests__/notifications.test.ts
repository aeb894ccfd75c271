import { describe, expect, it } from 'vitest'
import { badgeText, hasInbox, inboxStreamPath, normalChannels, preferencesBody, quietProblem } from '../notifications'

describe('notifications', () => {
  it('has an inbox for district staff only', () => {
    expect(hasInbox(['department-handler'])).toBe(true)
    expect(hasInbox(['city-admin'])).toBe(false)
    expect(hasInbox(['resident', 'screen-viewer'])).toBe(false)
  })
  it('follows my own inbox stream of the district', () => {
    expect(inboxStreamPath('jizhou')).toBe('/api/v1/tenants/jizhou/me/notifications/events')
  })
  it('shows nothing at zero and caps the badge at 99+', () => {
    expect(badgeText(0)).toBe('')
    expect(badgeText(7)).toBe('7')
    expect(badgeText(100)).toBe('99+')
  })
  it('keeps the inbox on and the channels in order', () => {
    expect(normalChannels(['email'])).toEqual(['inbox', 'email'])
    expect(normalChannels(['sms', 'inbox', 'sms'])).toEqual(['inbox', 'sms'])
  })
  it('checks quiet hours as the API does', () => {
    expect(quietProblem('', '')).toBeNull()
    expect(quietProblem('22:00', '')).toBe('incomplete')
    expect(quietProblem('25:00', '07:00')).toBe('format')
    expect(quietProblem('07:00', '07:00')).toBe('same')
    expect(quietProblem('22:00', '07:30')).toBeNull()
  })
  it('builds the body to store', () => {
    expect(preferencesBody(['sms'], '22:00', '07:30')).toEqual({ channels: ['inbox', 'sms'], quietHours: { start: '22:00', end: '07:30' } })
    expect(preferencesBody([], null, null)).toEqual({ channels: ['inbox'] })
  })
})
