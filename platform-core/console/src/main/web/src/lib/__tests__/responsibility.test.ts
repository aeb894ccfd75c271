import { describe, expect, it } from 'vitest'
import type { Category, Department, Grid } from '../../api/client'
import {
  changes, copyRow, departmentName, gridName, gridOptions, matches, namesOf, newRow, rowIssues, rowOfProblem, toBody, toRows,
  validate, categoryName,
} from '../responsibility'

const categories: Category[] = [
  { code: 'CM01', family: 'CITY_MANAGEMENT', name: '市容环境', nameEn: 'City appearance', leaf: false },
  { code: 'CM0105', family: 'CITY_MANAGEMENT', name: '沿街餐饮油烟扰民', nameEn: 'Restaurant fumes', parentCode: 'CM01', tier: 'COORDINATION', departmentKind: 'ENVIRONMENT', leaf: true },
]
const departments: Department[] = [
  { code: 'HB', name: '吉州生态环境分局', nameEn: 'Jizhou Ecology Office', kind: 'ENVIRONMENT' },
  { code: 'CG', name: '吉州区城市管理局', nameEn: 'Jizhou City Management Bureau', kind: 'CITY_MANAGEMENT' },
]
const grid: Grid = {
  code: '360802', name: '吉州区', level: 'district',
  children: [{ code: '360802100', name: '樟山镇', nameEn: 'Zhangshan Town', level: 'street', children: [{ code: '360802100001', name: '樟山村', level: 'community' }] }],
}
const names = namesOf(categories, departments, grid, 'zh-CN')

describe('responsibility list', () => {
  it('turns the API list into rows and back, leaving out what is empty', () => {
    const rows = toRows({ autoDispatch: true, entries: [
      { categoryCode: 'CM0105', leadDepartment: 'HB', coDepartments: ['CG'] },
      { categoryCode: 'CM01', gridCode: '360802100', leadDepartment: 'CG', coDepartments: [], tier: 'difficult' },
    ] })
    expect(rows[0]).toMatchObject({ categoryCode: 'CM0105', gridCode: '', tier: '', coDepartments: ['CG'] })
    expect(rows[0].key).not.toBe(rows[1].key)
    expect(toBody(rows, false)).toEqual({ autoDispatch: false, entries: [
      { categoryCode: 'CM0105', leadDepartment: 'HB', coDepartments: ['CG'] },
      { categoryCode: 'CM01', gridCode: '360802100', leadDepartment: 'CG', tier: 'difficult' },
    ] })
  })

  it('finds what is unsaved: rows added, changed, deleted, the switch, a new order', () => {
    const saved = toRows({ entries: [{ categoryCode: 'CM0105', leadDepartment: 'HB' }, { categoryCode: 'CM01', leadDepartment: 'CG' }] })
    const same = saved.map(copyRow)
    expect(changes(saved, false, same, false).dirty).toBe(false)
    expect(changes(saved, false, same, true)).toMatchObject({ dirty: true, autoDispatch: true })

    const edited = saved.map(copyRow)
    edited[0].coDepartments.push('CG')
    edited.splice(1, 1)
    const added = newRow({ categoryCode: 'CM01', gridCode: '360802100', leadDepartment: 'CG' })
    edited.push(added)
    const c = changes(saved, false, edited, false)
    expect([...c.changed]).toEqual([saved[0].key])
    expect([...c.added]).toEqual([added.key])
    expect(c.removed).toBe(1)
    expect(saved[0].coDepartments).toEqual([])

    expect(changes(saved, false, [same[1], same[0]], false)).toMatchObject({ dirty: true, removed: 0 })
    expect(changes(saved, false, [same[1], same[0]], false).changed.size).toBe(0)
  })

  it('checks required fields, repeats and the lead among the co-handling departments, naming the rows', () => {
    const rows = [
      newRow({ categoryCode: 'CM0105', leadDepartment: 'HB' }),
      newRow({ categoryCode: '', leadDepartment: '' }),
      newRow({ categoryCode: 'CM0105', leadDepartment: 'CG', coDepartments: ['CG', 'HB', 'HB'] }),
      newRow({ categoryCode: 'CM0105', gridCode: '360802100', leadDepartment: 'HB' }),
    ]
    const issues = validate(rows)
    expect(issues.map((i) => [i.index, i.field, i.message, i.other])).toEqual([
      [0, 'gridCode', 'duplicate', 2],
      [1, 'categoryCode', 'categoryRequired', undefined],
      [1, 'leadDepartment', 'leadRequired', undefined],
      [2, 'gridCode', 'duplicate', 0],
      [2, 'coDepartments', 'leadAlsoCo', undefined],
      [2, 'coDepartments', 'coRepeated', undefined],
    ])
    expect(validate([rows[0], rows[3]])).toEqual([])
    const many = newRow({ categoryCode: 'CM01', leadDepartment: 'HB', coDepartments: Array.from({ length: 11 }, (_, i) => `D${i}`) })
    expect(rowIssues(many, 0, [many]).map((i) => i.message)).toEqual(['tooManyCo'])
  })

  it('checks a row being edited against the list it goes into, itself excepted', () => {
    const rows = toRows({ entries: [{ categoryCode: 'CM0105', leadDepartment: 'HB' }, { categoryCode: 'CM01', leadDepartment: 'CG' }] })
    const draft = copyRow(rows[1])
    expect(rowIssues(draft, 1, rows)).toEqual([])
    draft.categoryCode = 'CM0105'
    const prospective = rows.map((r) => (r.key === draft.key ? draft : r))
    expect(rowIssues(draft, 1, prospective)).toMatchObject([{ message: 'duplicate', other: 0, field: 'gridCode' }])
  })

  it('maps the server\'s field to the row it names', () => {
    const rows = toRows({ entries: [{ categoryCode: 'CM0105', leadDepartment: 'HB' }, { categoryCode: 'CM01', leadDepartment: 'XX' }] })
    expect(rowOfProblem('entries[1].leadDepartment', rows)).toEqual({ key: rows[1].key, index: 1, field: 'leadDepartment' })
    expect(rowOfProblem('entries[0]', rows)).toEqual({ key: rows[0].key, index: 0 })
    expect(rowOfProblem('entries[7].leadDepartment', rows)).toBeNull()
    expect(rowOfProblem('autoDispatch', rows)).toBeNull()
    expect(rowOfProblem(undefined, rows)).toBeNull()
  })

  it('names codes in the chosen language and keeps unknown codes visible', () => {
    expect(categoryName('CM0105', names)).toBe('沿街餐饮油烟扰民')
    expect(categoryName('CM9999', names)).toBe('')
    expect(departmentName('CG', names)).toBe('吉州区城市管理局')
    expect(departmentName('ZZ', names)).toBe('ZZ')
    expect(gridName('360802100001', names)).toBe('樟山村')
    expect(gridName('', names)).toBe('')
    expect(gridName('360899', names)).toBe('360899')
    const en = namesOf(categories, departments, grid, 'en')
    expect(departmentName('HB', en)).toBe('Jizhou Ecology Office')
    expect(gridName('360802100', en)).toBe('Zhangshan Town')
    expect(gridName('360802100001', en)).toBe('樟山村')
  })

  it('filters on category code or name, departments and grid', () => {
    const row = newRow({ categoryCode: 'CM0105', gridCode: '360802100', leadDepartment: 'HB', coDepartments: ['CG'] })
    expect(matches(row, '', names)).toBe(true)
    expect(matches(row, 'cm01', names)).toBe(true)
    expect(matches(row, '油烟', names)).toBe(true)
    expect(matches(row, '城市管理', names)).toBe(true)
    expect(matches(row, 'hb', names)).toBe(true)
    expect(matches(row, '樟山', names)).toBe(true)
    expect(matches(row, '消防', names)).toBe(false)
  })

  it('offers the grids below the district, depth first', () => {
    expect(gridOptions(grid, { locale: 'zh-CN' })).toEqual([
      { value: '360802100', label: '樟山镇（360802100）', depth: 1 },
      { value: '360802100001', label: '樟山村（360802100001）', depth: 2 },
    ])
    expect(gridOptions(null, { locale: 'zh-CN' })).toEqual([])
  })
})
