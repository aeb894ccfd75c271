import { describe, expect, it } from 'vitest'
import { missingFields, orderedSteps, prefill, stepBodies, stepBody } from '../steps'

describe('step forms', () => {
  it('sends only filled fields, trimmed', () => {
    expect(stepBody('dispatch', { leadDepartment: 'CG', coDepartments: [], note: '  ' })).toEqual({ action: 'dispatch', leadDepartment: 'CG' })
    expect(stepBody('feedback', { note: ' 已清运 ', publicNote: '已处理' })).toEqual({ action: 'feedback', note: '已清运', publicNote: '已处理' })
    expect(stepBody('postpone', { extraWorkingDays: 3, note: '等待材料' })).toEqual({ action: 'postpone', extraWorkingDays: 3, note: '等待材料' })
  })
  it('never sends a field the step does not take', () => {
    expect(stepBody('accept', { note: 'x', leadDepartment: 'CG' })).toEqual({ action: 'accept' })
  })
  it('names the required fields still empty', () => {
    expect(missingFields('dispatch', {})).toEqual(['leadDepartment'])
    expect(missingFields('return', { note: ' ' })).toEqual(['note'])
    expect(missingFields('evaluate', { satisfaction: 4 })).toEqual([])
    expect(missingFields('register-dispatch', { leadDepartment: 'CG' })).toEqual([])
  })
  it('registers and dispatches in two calls', () => {
    expect(stepBodies('register-dispatch', { leadDepartment: 'CG', coDepartments: ['HW'], tier: 'simple' })).toEqual([
      { action: 'register', tier: 'simple' },
      { action: 'dispatch', leadDepartment: 'CG', coDepartments: ['HW'] },
    ])
  })
})

describe('step order', () => {
  it('offers register-and-dispatch first to those who may dispatch', () => {
    expect(orderedSteps(['comment', 'reject', 'register'], true)).toEqual(['register-dispatch', 'register', 'reject', 'comment'])
    expect(orderedSteps(['comment', 'reject', 'register'], false)).toEqual(['register', 'reject', 'comment'])
  })
  it('puts the next step of the loop before the others', () => {
    expect(orderedSteps(['return', 'feedback', 'comment'], false)).toEqual(['feedback', 'return', 'comment'])
  })
  it('starts a dispatching step from the proposal, and nothing else', () => {
    const proposal = { leadDepartment: 'HB', coDepartments: ['SJ', 'CG'], tier: 'coordination', source: 'list' }
    expect(prefill('dispatch', proposal)).toEqual({ leadDepartment: 'HB', coDepartments: ['SJ', 'CG'] })
    expect(prefill('register-dispatch', proposal)).toEqual({ leadDepartment: 'HB', coDepartments: ['SJ', 'CG'] })
    expect(prefill('register', proposal)).toEqual({})
    expect(prefill('dispatch', null)).toEqual({})
    const filled = prefill('dispatch', proposal)
    ;(filled.coDepartments as string[]).push('XF')
    expect(proposal.coDepartments).toEqual(['SJ', 'CG'])
  })
})
