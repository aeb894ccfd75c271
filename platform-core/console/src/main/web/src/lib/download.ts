import { ApiError, bearer, type Problem, type Schemas } from '../api/client'

export type ArchivedReport = Schemas['ArchivedReport']

/** A file name for an archived report: its title (without characters file systems refuse) and the format's extension. */
export function reportFileName(r: Pick<ArchivedReport, 'title' | 'format' | 'period'>): string {
  const base = (r.title || r.period).replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim() || 'report'
  return `${base}.${r.format.toLowerCase()}`
}

/** A byte size as people read it: `812 B`, `45.2 KB`, `1.3 MB`. */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** Fetches a protected file with the session's bearer token; throws the problem the platform answered. */
export async function fetchProtected(url: string): Promise<Blob> {
  const token = await bearer()
  let response: Response
  try {
    response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} })
  } catch (e) {
    throw new ApiError({ status: 0, title: 'network', detail: String(e) })
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as Partial<Problem>
    throw new ApiError({ status: response.status, type: body.type, title: body.title, detail: body.detail, field: body.field })
  }
  return response.blob()
}

/**
 * Fetches a protected file and hands it to the browser as a download (a link needs the token, so a
 * plain `<a href>` cannot be used). Throws the problem the platform answered.
 */
export async function downloadFile(url: string, name: string): Promise<void> {
  const blob = await fetchProtected(url)
  const href = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = href
  a.download = name
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // the browser has started reading the blob; let it finish before the URL goes
  window.setTimeout(() => URL.revokeObjectURL(href), 60_000)
}
