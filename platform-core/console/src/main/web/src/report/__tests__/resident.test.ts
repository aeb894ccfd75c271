import { describe, expect, it } from 'vitest'
import { buildReport, maskPhone, normalizeCode, normalizePhone, searchCategories, secondsLeft, stageOf, stageTone, type ReportForm } from '../resident'
import { iconOf } from '../icons'
import zh from '../messages/zh-CN'
import en from '../messages/en'

const form = (over: Partial<ReportForm> = {}): ReportForm => ({
  categoryCode: 'CM0101', description: ' 路口垃圾堆了两天 ', longitude: null, latitude: null, address: '', gridCode: null,
  publicConsent: false, keepCaptureFacts: false, ...over,
})

describe('phone numbers and codes', () => {
  it('takes an 11-digit mainland mobile number however it is typed', () => {
    expect(normalizePhone('13800001234')).toBe('13800001234')
    expect(normalizePhone(' 138 0000 1234 ')).toBe('13800001234')
    expect(normalizePhone('138-0000-1234')).toBe('13800001234')
    expect(normalizePhone('+86 138 0000 1234')).toBe('13800001234')
    expect(normalizePhone('0086 19912345678')).toBe('19912345678')
    expect(normalizePhone('8613800001234')).toBe('13800001234')
  })
  it('refuses what is not one', () => {
    for (const bad of ['', '1380000123', '138000012345', '12800001234', '23800001234', '1380000123a', '010-12345678', '+1 13800001234']) {
      expect(normalizePhone(bad), bad).toBeNull()
    }
  })
  it('masks the middle of a number', () => {
    expect(maskPhone('13800001234')).toBe('138****1234')
  })
  it('wants six digits as the code', () => {
    expect(normalizeCode('123456')).toBe('123456')
    expect(normalizeCode(' 123 456 ')).toBe('123456')
    expect(normalizeCode('12345')).toBeNull()
    expect(normalizeCode('12345a')).toBeNull()
  })
})

describe('resend countdown', () => {
  it('counts whole seconds down from the answer to zero', () => {
    const sent = 1_000_000
    expect(secondsLeft(null, 60, sent)).toBe(0)
    expect(secondsLeft(sent, 60, sent)).toBe(60)
    expect(secondsLeft(sent, 60, sent + 1)).toBe(60)
    expect(secondsLeft(sent, 60, sent + 999)).toBe(60)
    expect(secondsLeft(sent, 60, sent + 1000)).toBe(59)
    expect(secondsLeft(sent, 60, sent + 59_001)).toBe(1)
    expect(secondsLeft(sent, 60, sent + 60_000)).toBe(0)
    expect(secondsLeft(sent, 60, sent + 600_000)).toBe(0)
  })
})

describe('the report body', () => {
  it('needs a category, a description and a place', () => {
    expect(buildReport(form({ categoryCode: '', description: '  ' }), [])).toEqual({ missing: ['category', 'description', 'location'] })
  })
  it('waits for photos still uploading', () => {
    expect(buildReport(form({ address: '人民路 1 号' }), [{ state: 'uploading' }])).toEqual({ missing: ['uploading'] })
  })
  it('sends coordinates, the address and the uploaded photos, as a resident-app report', () => {
    const r = buildReport(form({ longitude: 114.98, latitude: 27.1, address: ' 人民路 1 号 ', publicConsent: true }),
      [{ state: 'done', evidenceId: 'e1' }, { state: 'failed' }, { state: 'done', evidenceId: 'e2' }])
    expect(r).toEqual({
      body: {
        categoryCode: 'CM0101', description: '路口垃圾堆了两天', channel: 'resident-app', evidence: ['e1', 'e2'],
        publicConsent: true, keepCaptureFacts: false, longitude: 114.98, latitude: 27.1, address: '人民路 1 号',
      },
    })
  })
  it('is a qr-code report with the grid of the QR code, which is place enough', () => {
    const r = buildReport(form({ gridCode: '360802001001001', keepCaptureFacts: true }), [])
    expect(r).toEqual({
      body: {
        categoryCode: 'CM0101', description: '路口垃圾堆了两天', channel: 'qr-code', evidence: [], publicConsent: false,
        keepCaptureFacts: true, gridCode: '360802001001001',
      },
    })
  })
  it('does not count a lone coordinate as a place', () => {
    expect(buildReport(form({ longitude: 114.98 }), [])).toEqual({ missing: ['location'] })
  })
})

describe('stages', () => {
  it('groups the staff statuses into what a resident needs to know', () => {
    expect(stageOf('reported')).toBe('submitted')
    expect(['registered', 'dispatched'].map(stageOf)).toEqual(['accepted', 'accepted'])
    expect(['handling', 'postponed', 'feedback', 'verified'].map(stageOf)).toEqual(['handling', 'handling', 'handling', 'handling'])
    expect(stageOf('closed')).toBe('closed')
    expect(stageOf('evaluated')).toBe('evaluated')
    expect(stageOf('rejected')).toBe('rejected')
    expect(stageOf('some-new-status')).toBe('handling')
    expect(stageTone('rejected')).toBe('danger')
    expect(stageTone('closed')).toBe('success')
  })
  it('has words for every stage in both languages', () => {
    for (const s of ['submitted', 'accepted', 'handling', 'closed', 'evaluated', 'rejected'] as const) {
      expect(zh.status[s]).toBeTruthy()
      expect(en.status[s]).toBeTruthy()
    }
    expect(zh.rate).toHaveLength(5)
    expect(en.rate).toHaveLength(5)
  })
})

describe('categories', () => {
  const cats = [
    { code: 'CM0101', name: '暴露垃圾', family: 'CITY_MANAGEMENT', familyName: '城市管理', icon: 'rubbish' },
    { code: 'CM0604', name: '路灯不亮', family: 'CITY_MANAGEMENT', familyName: '城市管理', icon: 'facility' },
    { code: 'LS0401', name: '物业服务纠纷', family: 'LIVELIHOOD', familyName: '民生服务', icon: 'housing' },
    { code: 'CG0201', name: '治安隐患', family: 'COMPREHENSIVE_GOVERNANCE', familyName: '综合治理', icon: 'a-new-one' },
  ] as unknown as Parameters<typeof searchCategories>[0] // a newer platform may name an icon this page does not know
  it('finds by name, family or code, every word, in the district order', () => {
    expect(searchCategories(cats, '').map((g) => g.categories.length)).toEqual([2, 1, 1])
    expect(searchCategories(cats, '垃圾')).toEqual([{ family: 'CITY_MANAGEMENT', familyName: '城市管理', categories: [cats[0]] }])
    expect(searchCategories(cats, '民生').flatMap((g) => g.categories.map((c) => c.code))).toEqual(['LS0401'])
    expect(searchCategories(cats, 'cm06').flatMap((g) => g.categories.map((c) => c.code))).toEqual(['CM0604'])
    expect(searchCategories(cats, 'ＣＭ０１０１').flatMap((g) => g.categories.map((c) => c.code))).toEqual(['CM0101'])
    expect(searchCategories(cats, '城市 路灯').flatMap((g) => g.categories.map((c) => c.code))).toEqual(['CM0604'])
    expect(searchCategories(cats, '下水道')).toEqual([])
  })
  it('draws the icon the platform names, else the family\'s', () => {
    expect(iconOf(cats[0])).toBe('rubbish')
    expect(iconOf(cats[1])).toBe('facility')
    expect(iconOf(cats[3])).toBe('governance')
    const unknown = (family: string, icon: string) => ({ family, icon }) as unknown as Parameters<typeof iconOf>[0]
    expect(iconOf(unknown('LIVELIHOOD', ''))).toBe('livelihood')
    expect(iconOf(unknown('OTHER', 'toString'))).toBe('other')
  })
})
