import { describe, expect, it } from 'vitest'
import { CITY_MENU, DISTRICT_MENU, centreGrid, homeRoute, intakeChannels, isScreenOnly, mayUseConsole, menuFor } from '../roles'
import { claimsOf } from '../../auth/session'

describe('roles', () => {
  it('keeps residents out of the console', () => {
    expect(mayUseConsole(['resident', 'offline_access', 'default-roles-jizhou'])).toBe(false)
    expect(mayUseConsole(['dispatcher'])).toBe(true)
    expect(homeRoute(['resident'])).toBe('no-console')
    expect(homeRoute(['city-admin'])).toBe('city-districts')
    expect(homeRoute(['grid-worker'])).toBe('inbox')
  })
  it('sends a wall screen account to its polite page, not the console', () => {
    expect(mayUseConsole(['screen-viewer', 'offline_access', 'default-roles-jizhou'])).toBe(false)
    expect(homeRoute(['screen-viewer'])).toBe('no-console')
    expect(isScreenOnly(['screen-viewer', 'default-roles-gongzhi-city'])).toBe(true)
    expect(isScreenOnly(['screen-viewer', 'dispatcher'])).toBe(false)
    expect(isScreenOnly(['resident'])).toBe(false)
    expect(menuFor(DISTRICT_MENU, ['screen-viewer'])).toEqual([])
  })
  it('hides the district centre\'s outboxes from a street or community centre', () => {
    const district = menuFor(DISTRICT_MENU, ['dispatcher']).map((m) => m.route)
    const centre = menuFor(DISTRICT_MENU, ['dispatcher'], true).map((m) => m.route)
    expect(district).toContain('dispatches')
    expect(district).toContain('notifications')
    expect(centre).not.toContain('dispatches')
    expect(centre).not.toContain('notifications')
    expect(centre).toContain('kpis')
    expect(centre.length).toBe(district.length - 2)
  })
  it('shows each role only its menu', () => {
    expect(menuFor(DISTRICT_MENU, ['department-handler']).map((m) => m.route)).toEqual(['inbox', 'new-case', 'people'])
    expect(menuFor(DISTRICT_MENU, ['district-admin']).map((m) => m.route)).toEqual(['inbox', 'new-case', 'kpis', 'reports', 'dispatches', 'callbacks', 'posters', 'supervision', 'notifications', 'notification-templates', 'incoming-transfers', 'people', 'responsibility-list'])
    expect(menuFor(DISTRICT_MENU, ['dispatcher']).map((m) => m.route)).not.toContain('notification-templates')
    expect(menuFor(DISTRICT_MENU, ['mediator']).map((m) => m.route)).toEqual(['inbox'])
    expect(menuFor(DISTRICT_MENU, ['dispatcher']).map((m) => m.route)).toContain('responsibility-list')
  })
  it('lets a role report only on its channels', () => {
    expect(intakeChannels(['grid-worker'])).toEqual(['grid-worker'])
    expect(intakeChannels(['dispatcher'])[0]).toBe('hotline')
    expect(intakeChannels(['mediator'])).toEqual([])
  })
  it('reads roles, grids and department from token claims, ignoring junk', () => {
    expect(claimsOf({ preferred_username: 'jz-cg', realm_access: { roles: ['department-handler', 7] }, department: 'CG', grids: ['360802001', null] }))
      .toEqual({ username: 'jz-cg', roles: ['department-handler'], grids: ['360802001'], department: 'CG' })
    expect(claimsOf(undefined)).toEqual({ username: '', roles: [], grids: [], department: undefined })
  })
  it('names the grid subtree of a street or community centre\'s dispatcher, and sends the city dispatcher to the districts\' cases', () => {
    expect(centreGrid(['dispatcher'], ['360102001'])).toBe('360102001')
    expect(centreGrid(['dispatcher'], [])).toBeNull()
    expect(centreGrid(['grid-worker'], ['360102001001001'])).toBeNull()
    expect(centreGrid(['dispatcher', 'district-admin'], ['360102001'])).toBeNull()
    expect(homeRoute(['city-dispatcher'])).toBe('city-cases')
    expect(menuFor(CITY_MENU, ['city-dispatcher']).map((m) => m.route)).toEqual(['city-cases'])
    expect(menuFor(CITY_MENU, ['city-admin']).map((m) => m.route)).not.toContain('city-cases')
  })
})
