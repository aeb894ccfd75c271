import { describe, expect, it } from 'vitest'
import { defaultTarget, mayTransfer, TEXT_MAX, textProblem, transferable } from '../transfer'

describe('transfer', () => {
  it('lets the centre and the administrators transfer a case not yet dispatched', () => {
    expect(mayTransfer(['dispatcher'])).toBe(true)
    expect(mayTransfer(['district-admin'])).toBe(true)
    expect(mayTransfer(['grid-worker', 'department-handler'])).toBe(false)
    expect(transferable('reported')).toBe(true)
    expect(transferable('registered')).toBe(true)
    expect(transferable('dispatched')).toBe(false)
    expect(transferable(undefined)).toBe(false)
  })

  it('requires a reason to refuse and bounds notes', () => {
    expect(textProblem('  ', true)).toBe('required')
    expect(textProblem('  ', false)).toBeNull()
    expect(textProblem('户籍不在本区', true)).toBeNull()
    expect(textProblem('字'.repeat(TEXT_MAX + 1), false)).toBe('long')
  })

  it('offers the proposed district only when the case may go there', () => {
    const districts = [{ id: 'donghu', name: '东湖区' }]
    expect(defaultTarget({ proposedDistrict: 'donghu', districts })).toBe('donghu')
    expect(defaultTarget({ proposedDistrict: 'jiangbei', districts })).toBe('')
    expect(defaultTarget({ proposedDistrict: null, districts })).toBe('')
    expect(defaultTarget(null)).toBe('')
  })
})
