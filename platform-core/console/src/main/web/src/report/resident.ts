import type { CaseStatus } from '../api/client'
import type { NewReport, ResidentCategory, ResidentChannel } from './api'

/** At most this many photos go with one report. */
export const MAX_PHOTOS = 9

/**
 * The 11-digit mainland mobile number in what a resident typed (spaces, dashes and a +86/0086
 * prefix allowed), or null when it is not one.
 */
export function normalizePhone(input: string): string | null {
  let digits = input.replace(/[\s\-()（）]/g, '')
  digits = digits.replace(/^(\+86|0086)/, '')
  if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2)
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null
}

/** A phone shown on the page: 138****1234. */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone
}

/** Whether {@code input} is a one-time code as the SMS carries it (6 digits, spaces ignored). */
export function normalizeCode(input: string): string | null {
  const digits = input.replace(/\s/g, '')
  return /^\d{6}$/.test(digits) ? digits : null
}

/**
 * The seconds left until a new code may be asked for, counted from when the platform answered
 * ({@code sentAt}, ms) with {@code resendAfterSeconds}; 0 once it may.
 */
export function secondsLeft(sentAt: number | null, resendAfterSeconds: number, now: number): number {
  if (sentAt === null) return 0
  return Math.max(0, Math.ceil((sentAt + resendAfterSeconds * 1000 - now) / 1000))
}

/** The resident-facing stage of a case: fewer words than the staff's statuses. */
export type Stage = 'submitted' | 'accepted' | 'handling' | 'closed' | 'evaluated' | 'rejected'

const STAGES: Record<CaseStatus, Stage> = {
  reported: 'submitted',
  registered: 'accepted',
  dispatched: 'accepted',
  handling: 'handling',
  postponed: 'handling',
  feedback: 'handling',
  verified: 'handling',
  closed: 'closed',
  evaluated: 'evaluated',
  rejected: 'rejected',
}

/** Element Plus tag type of each stage (colour), the words come from the messages `status.<stage>`. */
const TONES: Record<Stage, 'info' | 'primary' | 'warning' | 'success' | 'danger'> = {
  submitted: 'info',
  accepted: 'primary',
  handling: 'warning',
  closed: 'success',
  evaluated: 'success',
  rejected: 'danger',
}

export function stageOf(status: string): Stage {
  return STAGES[status as CaseStatus] ?? 'handling'
}

export function stageTone(status: string): (typeof TONES)[Stage] {
  return TONES[stageOf(status)]
}

/** What the resident filled in on the report form. */
export interface ReportForm {
  categoryCode: string
  description: string
  longitude: number | null
  latitude: number | null
  address: string
  /** the grid of the QR code the page was opened from, when it exists */
  gridCode: string | null
  publicConsent: boolean
  keepCaptureFacts: boolean
}

/** A photo on the form: uploaded ones carry the evidence id. */
export interface PhotoState {
  state: 'uploading' | 'done' | 'failed'
  evidenceId?: string
}

export type Missing = 'category' | 'description' | 'location' | 'uploading'

/**
 * The body of {@code POST …/reports}, or what is missing: a category, a description, a place
 * (coordinates, an address or the QR code's grid) and no photo still uploading. Failed photos are
 * left out (the form shows them).
 */
export function buildReport(form: ReportForm, photos: PhotoState[]): { body: NewReport } | { missing: Missing[] } {
  const missing: Missing[] = []
  const description = form.description.trim()
  const address = form.address.trim()
  const located = form.longitude !== null && form.latitude !== null
  if (!form.categoryCode) missing.push('category')
  if (!description) missing.push('description')
  if (!located && !address && !form.gridCode) missing.push('location')
  if (photos.some((p) => p.state === 'uploading')) missing.push('uploading')
  if (missing.length) return { missing }
  const channel: ResidentChannel = form.gridCode ? 'qr-code' : 'resident-app'
  const body: NewReport = {
    categoryCode: form.categoryCode,
    description,
    channel,
    evidence: photos.filter((p) => p.state === 'done' && p.evidenceId).map((p) => p.evidenceId!),
    publicConsent: form.publicConsent,
    keepCaptureFacts: form.keepCaptureFacts,
  }
  if (located) {
    body.longitude = form.longitude!
    body.latitude = form.latitude!
  }
  if (address) body.address = address
  if (form.gridCode) body.gridCode = form.gridCode
  return { body }
}

/** A family of categories with the ones that match the search. */
export interface CategoryGroup {
  family: string
  familyName: string
  categories: ResidentCategory[]
}

/**
 * The categories whose name, family name or code contains every word of {@code query} (case and
 * width of Latin letters ignored), grouped by family in the district's order.
 */
export function searchCategories(categories: ResidentCategory[], query: string): CategoryGroup[] {
  const words = query.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean)
  const groups = new Map<string, CategoryGroup>()
  for (const c of categories) {
    const text = `${c.name} ${c.familyName} ${c.code}`.normalize('NFKC').toLowerCase()
    if (!words.every((w) => text.includes(w))) continue
    let g = groups.get(c.family)
    if (!g) groups.set(c.family, (g = { family: c.family, familyName: c.familyName, categories: [] }))
    g.categories.push(c)
  }
  return [...groups.values()]
}
