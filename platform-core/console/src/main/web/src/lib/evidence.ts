import { ApiError, bearer, type JournalEntry, type Problem, type Schemas } from '../api/client'

export type Evidence = Schemas['Evidence']

/** How attachments name uploaded evidence: `evidence:<id>`. */
export const EVIDENCE_PREFIX = 'evidence:'

/** What the file picker offers; the platform decides the real type from the bytes. */
export const EVIDENCE_ACCEPT = 'image/jpeg,image/png,image/webp,image/heic,image/heif,video/mp4,video/quicktime,application/pdf'

/** At most this many files per step (the API takes 20 attachments). */
export const MAX_FILES = 9

/** The attachment string of an upload. */
export function reference(e: Pick<Evidence, 'id'>): string {
  return EVIDENCE_PREFIX + e.id
}

/** Attachments that are plain links (not evidence references). */
export function links(attachments: readonly string[]): string[] {
  return attachments.filter((a) => !a.startsWith(EVIDENCE_PREFIX))
}

/**
 * Before and after (核查对照): "before" is what came with the report and the steps before the first
 * feedback; "after" is what the latest feedback brought (the result being verified). Empty "after"
 * while no feedback carried a file.
 */
export function beforeAfter(evidence: readonly Evidence[], journal: readonly JournalEntry[]): { before: Evidence[]; after: Evidence[] } {
  const feedbacks = journal.filter((j) => j.action === 'feedback').map((j) => j.seq).sort((a, b) => a - b)
  const firstFeedback = feedbacks[0] ?? Number.POSITIVE_INFINITY
  const latestWithFiles = [...feedbacks].reverse().find((seq) => evidence.some((e) => e.journalSeq === seq))
  return {
    before: evidence.filter((e) => (e.journalSeq ?? 0) < firstFeedback),
    after: latestWithFiles === undefined ? [] : evidence.filter((e) => e.journalSeq === latestWithFiles),
  }
}

/** The evidence each journal entry attached, by entry. */
export function byEntry(evidence: readonly Evidence[]): Map<number, Evidence[]> {
  const map = new Map<number, Evidence[]>()
  for (const e of evidence) {
    if (e.journalSeq === undefined) continue
    map.set(e.journalSeq, [...(map.get(e.journalSeq) ?? []), e])
  }
  return map
}

/**
 * Uploads one file as the raw body (the type is sniffed by the platform) with the session's token,
 * reporting progress 0–100. Resolves to the stored evidence; rejects with the platform's problem.
 */
export async function uploadEvidence(district: string, file: File, keepCaptureFacts: boolean,
  onProgress: (percent: number) => void = () => {}): Promise<Evidence> {
  const token = await bearer()
  const query = new URLSearchParams({ fileName: file.name, keepCaptureFacts: String(keepCaptureFacts) })
  return new Promise<Evidence>((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `/api/v1/tenants/${encodeURIComponent(district)}/evidence?${query}`)
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`)
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream')
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100)) }
    xhr.onerror = () => reject(new ApiError({ status: 0, title: 'network', detail: 'upload failed' }))
    xhr.onload = () => {
      let body: unknown
      try { body = JSON.parse(xhr.responseText) } catch { body = {} }
      if (xhr.status === 201) resolve(body as Evidence)
      else {
        const p = body as Partial<Problem>
        reject(new ApiError({ status: xhr.status, type: p.type, title: p.title, detail: p.detail, field: p.field }))
      }
    }
    xhr.send(file)
  })
}
