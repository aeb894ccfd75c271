import { describe, expect, it } from 'vitest'
import { modelName, modelSwitches } from '../models'
import { mayReplay, stateParam, stateTag } from '../outbox'
import { reportFileName, sizeText } from '../download'

describe('model switches', () => {
  it('joins the deployed models with the district’s own', () => {
    const deployed = [
      { id: 'three-colour-grid', nameZh: '一格八员、一网三色', nameEn: 'Three-colour grid', version: '1.0.0' },
      { id: 'old-man-studio', nameZh: '老娘舅工作室', nameEn: 'Old-man studios', version: '1.0.0' },
    ]
    const district = [
      { id: 'three-colour-grid', enabled: true, deployed: true },
      { id: 'housekeeper', enabled: true, deployed: false, nameZh: '百姓管家' },
    ]
    expect(modelSwitches(deployed, district)).toEqual([
      { id: 'housekeeper', nameZh: '百姓管家', nameEn: undefined, version: undefined, deployed: false, enabled: true },
      { id: 'old-man-studio', nameZh: '老娘舅工作室', nameEn: 'Old-man studios', version: '1.0.0', deployed: true, enabled: false },
      { id: 'three-colour-grid', nameZh: '一格八员、一网三色', nameEn: 'Three-colour grid', version: '1.0.0', deployed: true, enabled: true },
    ])
  })
  it('names a model in the chosen language, falling back to the other and to the id', () => {
    expect(modelName({ id: 'x', nameZh: '中', nameEn: 'En' }, 'en')).toBe('En')
    expect(modelName({ id: 'x', nameZh: '中' }, 'en')).toBe('中')
    expect(modelName({ id: 'x', nameZh: '中', nameEn: 'En' }, 'zh-CN')).toBe('中')
    expect(modelName({ id: 'x' }, 'zh-CN')).toBe('x')
  })
})

describe('outbox', () => {
  it('replays dead and unrouted dispatches only', () => {
    expect(mayReplay('dead')).toBe(true)
    expect(mayReplay('unrouted')).toBe(true)
    expect(mayReplay('pending')).toBe(false)
    expect(mayReplay('delivered')).toBe(false)
    expect(mayReplay('cancelled')).toBe(false)
  })
  it('never colours a state with the low-contrast warning type', () => {
    for (const s of ['pending', 'delivered', 'dead', 'unrouted', 'cancelled'] as const) expect(stateTag(s)).not.toBe('warning')
    expect(stateTag('dead')).toBe('danger')
  })
  it('takes only known states from the address bar', () => {
    expect(stateParam('dead')).toBe('dead')
    expect(stateParam('DEAD')).toBe('')
    expect(stateParam(['dead'])).toBe('')
    expect(stateParam(undefined)).toBe('')
  })
})

describe('report files', () => {
  it('names the file by its title and format', () => {
    expect(reportFileName({ title: '吉州区综治中心月度调度报告 2026年11月', format: 'PDF', period: '2026-11' })).toBe('吉州区综治中心月度调度报告 2026年11月.pdf')
    expect(reportFileName({ title: 'a/b: c?', format: 'XLSX', period: '2026-Q4' })).toBe('a_b_ c_.xlsx')
    expect(reportFileName({ title: '', format: 'CSV', period: '2026-H2' })).toBe('2026-H2.csv')
  })
  it('reads sizes', () => {
    expect(sizeText(812)).toBe('812 B')
    expect(sizeText(46285)).toBe('45.2 KB')
    expect(sizeText(1363149)).toBe('1.3 MB')
  })
})
