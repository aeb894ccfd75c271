import { ref } from 'vue'
import { api, ApiError, useTokenSource, type Problem } from '../api/client'
import type { paths } from '../api/schema'

/** The JSON answer of an operation (its 200, or 201/202 when that is its success). */
type Answer<Op> = Op extends { responses: infer R }
  ? R extends { 200: { content: { 'application/json': infer T } } } ? T
  : R extends { 201: { content: { 'application/json': infer T } } } ? T
  : R extends { 202: { content: { 'application/json': infer T } } } ? T : never
  : never

export type District = Answer<paths['/api/v1/resident/{tenant}']['get']>
export type ResidentCategory = District['categories'][number]
export type GridFacts = Answer<paths['/api/v1/resident/{tenant}/grids/{code}']['get']>
export type GridMap = Answer<paths['/api/v1/resident/{tenant}/grids/map']['get']>
export type CodeSent = Answer<paths['/api/v1/resident/{tenant}/codes']['post']>
export type Evidence = Answer<paths['/api/v1/resident/{tenant}/evidence']['post']>
export type NewReport = NonNullable<paths['/api/v1/resident/{tenant}/reports']['post']['requestBody']>['content']['application/json']
export type Created = Answer<paths['/api/v1/resident/{tenant}/reports']['post']>
export type ReportList = Answer<paths['/api/v1/resident/{tenant}/reports']['get']>
export type ReportSummary = ReportList['items'][number]
export type Report = Answer<paths['/api/v1/resident/{tenant}/reports/{id}']['get']>
export type ResidentChannel = NewReport['channel']

const KEY = 'gongzhi.resident.'

/** A resident's session in one district: the token and the phone it was given to, masked. */
export interface ResidentSession {
  tenant: string
  token: string
  expiresAt: string
  phone: string
}

/**
 * The signed-in resident of this tab, or null. Kept in sessionStorage (gone with the tab, never
 * shared with other tabs or kept on the phone), one per district.
 */
export const resident = ref<ResidentSession | null>(null)

/** Reads this tab's session of {@code tenant}, dropping one that has expired. */
export function restoreSession(tenant: string, now = Date.now()): ResidentSession | null {
  const raw = sessionStorage.getItem(KEY + tenant)
  let s: ResidentSession | null = null
  try {
    s = raw ? (JSON.parse(raw) as ResidentSession) : null
  } catch {
    s = null
  }
  if (s && (s.tenant !== tenant || !s.token || Date.parse(s.expiresAt) <= now)) s = null
  if (!s) sessionStorage.removeItem(KEY + tenant)
  resident.value = s
  return s
}

export function keepSession(s: ResidentSession): void {
  sessionStorage.setItem(KEY + s.tenant, JSON.stringify(s))
  resident.value = s
}

export function forgetSession(): void {
  if (resident.value) sessionStorage.removeItem(KEY + resident.value.tenant)
  resident.value = null
}

useTokenSource(async () => resident.value?.token ?? null)

// a token the platform no longer accepts (expired, revoked): the resident signs in again
api.use({
  onResponse({ response }) {
    if (response.status === 401 && resident.value) forgetSession()
    return response
  },
})

/** The path of the district's resident API. */
export function residentPath(tenant: string, tail = ''): string {
  return `/api/v1/resident/${encodeURIComponent(tenant)}${tail}`
}

/**
 * Uploads one photo as the raw body of {@code POST …/evidence} (XMLHttpRequest: fetch cannot
 * report upload progress), calling {@code progress} with 0–100.
 */
export function uploadPhoto(tenant: string, file: File, keepCaptureFacts: boolean, progress: (percent: number) => void): {
  done: Promise<Evidence>
  abort: () => void
} {
  const xhr = new XMLHttpRequest()
  const query = new URLSearchParams({ fileName: file.name || 'photo' })
  if (keepCaptureFacts) query.set('keepCaptureFacts', 'true')
  const done = new Promise<Evidence>((resolve, reject) => {
    xhr.open('POST', `${residentPath(tenant, '/evidence')}?${query}`)
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream')
    if (resident.value) xhr.setRequestHeader('Authorization', `Bearer ${resident.value.token}`)
    xhr.responseType = 'json'
    xhr.upload.onprogress = (e) => e.lengthComputable && progress(Math.round((e.loaded / e.total) * 100))
    xhr.onload = () => {
      if (xhr.status === 201 || xhr.status === 200) {
        progress(100)
        resolve(xhr.response as Evidence)
        return
      }
      if (xhr.status === 401) forgetSession()
      const body = (xhr.response ?? {}) as Partial<Problem>
      reject(new ApiError({ status: xhr.status, type: body.type, title: body.title, detail: body.detail, field: body.field }))
    }
    xhr.onerror = () => reject(new ApiError({ status: 0, title: 'network' }))
    xhr.onabort = () => reject(new ApiError({ status: 0, title: 'aborted' }))
    xhr.send(file)
  })
  return { done, abort: () => xhr.abort() }
}

/**
 * A photo of the resident's own (served only with the token) as a {@code blob:} URL for an
 * {@code <img>}; the caller revokes it when the image goes.
 */
export async function photoUrl(url: string): Promise<string> {
  const headers: Record<string, string> = {}
  if (resident.value) headers.Authorization = `Bearer ${resident.value.token}`
  const r = await fetch(url, { headers })
  if (r.status === 401) forgetSession()
  if (!r.ok) throw new ApiError({ status: r.status })
  return URL.createObjectURL(await r.blob())
}
