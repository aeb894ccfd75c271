import { describe, expect, it } from 'vitest'
import { countTable, oneOf, NOTIFICATION_CHANNELS, NOTIFICATION_STATES } from '../notifyOutbox'
import { mayReplay, replayEach, stateTag, tally } from '../replay'
import { insertVariable, render, unknownVariables, eventLabelKey } from '../notifyTemplates'

describe('the notification outbox (通知外发)', () => {
  it('lays the counts out a row per state and a column per channel, with totals and zeros', () => {
    const t = countTable([
      { state: 'dead', channel: 'sms', count: 2 },
      { state: 'dead', channel: 'email', count: 1 },
      { state: 'delivered', channel: 'inbox', count: 7 },
      { state: 'dead', channel: 'fax' as never, count: 9 },
    ])
    expect(t.rows.map((r) => r.state)).toEqual(NOTIFICATION_STATES)
    const dead = t.rows.find((r) => r.state === 'dead')!
    expect(dead.byChannel).toEqual({ inbox: 0, sms: 2, email: 1, wecom: 0 })
    expect(dead.total).toBe(3)
    expect(t.byChannel.inbox).toBe(7)
    expect(t.total).toBe(10)
    expect(countTable([]).total).toBe(0)
  })
  it('reads filters from the address bar only when they are known', () => {
    expect(oneOf(NOTIFICATION_STATES, 'dead')).toBe('dead')
    expect(oneOf(NOTIFICATION_CHANNELS, 'fax')).toBe('')
    expect(oneOf(NOTIFICATION_CHANNELS, ['sms'])).toBe('')
  })
  it('replays each selected one on its own: a refusal does not stop the rest, and is told with its reason', async () => {
    const asked: string[] = []
    const results = await replayEach(['a', 'b', 'c'], async (id) => {
      asked.push(id)
      if (id === 'b') throw new Error('409')
    }, (e) => `refused: ${(e as Error).message}`)
    expect(asked).toEqual(['a', 'b', 'c'])
    expect(results).toEqual([{ id: 'a', ok: true }, { id: 'b', ok: false, message: 'refused: 409' }, { id: 'c', ok: true }])
    expect(tally(results)).toEqual({ replayed: 2, refused: 1 })
    expect(tally([])).toEqual({ replayed: 0, refused: 0 })
  })
  it('offers replay for dead and unrouted notifications only, and never a light warning tag', () => {
    expect(NOTIFICATION_STATES.filter(mayReplay)).toEqual(['dead', 'unrouted'])
    for (const s of NOTIFICATION_STATES) expect(stateTag(s)).not.toBe('warning')
  })
})

describe('notification templates (通知模板)', () => {
  it('previews as the platform renders: values, fallbacks, and unknown variables left as written', () => {
    expect(render('案件 ${caseNumber}（${category:-未分类}）期限 ${deadline:-见平台} ${nope}', { caseNumber: 'JZ-1', deadline: '17:00' }))
      .toBe('案件 JZ-1（未分类）期限 17:00 ${nope}')
    expect(render('${caseNumber:-}', {})).toBe('')
    expect(render('费用 $5 {x}', {})).toBe('费用 $5 {x}')
  })
  it('names the variables the event does not carry, each once', () => {
    expect(unknownVariables('${caseNumber} ${reporterPhone} ${reporterPhone:-x} ${district}', ['caseNumber', 'district'])).toEqual(['reporterPhone'])
    expect(unknownVariables('没有变量', [])).toEqual([])
  })
  it('inserts a variable in place of the selection and puts the caret after it', () => {
    expect(insertVariable('请于  前办结', 3, 3, 'deadline')).toEqual({ text: '请于 ${deadline} 前办结', caret: 14 })
    expect(insertVariable('abcXYZ', 3, 6, 'caseNumber')).toEqual({ text: 'abc${caseNumber}', caret: 16 })
    expect(insertVariable('ab', 9, 9, 'x').text).toBe('ab${x}')
  })
  it('keys event names without dots', () => {
    expect(eventLabelKey('supervision.reminder.warning')).toBe('notifyTemplates.events.supervision_reminder_warning')
  })
})
