import { describe, expect, it } from 'vitest'
import { beforeAfter, byEntry, links, reference, type Evidence } from '../evidence'
import type { JournalEntry } from '../../api/client'

const photo = (id: string, journalSeq?: number) => ({ id, journalSeq, kind: 'photo' }) as Evidence
const entry = (seq: number, action: JournalEntry['action']) => ({ seq, action }) as JournalEntry

describe('evidence', () => {
  it('names uploads as attachments and keeps plain links apart', () => {
    expect(reference({ id: 'a1' })).toBe('evidence:a1')
    expect(links(['evidence:a1', 'https://x/y.jpg'])).toEqual(['https://x/y.jpg'])
  })
  it('sets the report against the latest feedback that brought files', () => {
    const journal = [entry(1, 'report'), entry(2, 'register'), entry(5, 'feedback'), entry(6, 'verify-fail'), entry(8, 'feedback'), entry(9, 'comment')]
    const evidence = [photo('r', 1), photo('c', 2), photo('f1', 5), photo('f2', 8), photo('late', 9)]
    const { before, after } = beforeAfter(evidence, journal)
    expect(before.map((e) => e.id)).toEqual(['r', 'c'])
    expect(after.map((e) => e.id)).toEqual(['f2'])
  })
  it('has no "after" until a feedback carries a file', () => {
    const { before, after } = beforeAfter([photo('r', 1)], [entry(1, 'report'), entry(3, 'feedback')])
    expect(before.map((e) => e.id)).toEqual(['r'])
    expect(after).toEqual([])
  })
  it('groups by journal entry', () => {
    expect([...byEntry([photo('a', 1), photo('b', 1), photo('c', 4)]).entries()].map(([k, v]) => [k, v.length])).toEqual([[1, 2], [4, 1]])
  })
})
