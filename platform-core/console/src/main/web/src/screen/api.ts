import { api, ApiError, bearer, ok, type GridMap } from '../api/client'
import type { CityFigures, DistrictFigures, ModeDetail, ScreenPanelInfo } from './types'

/**
 * The wall's reads. The grid map goes through the typed client (its schema is in the OpenAPI
 * document); the figures, mode and panel listing are issue 15's new endpoints, read with the same
 * token until their schemas are merged into the document (then: `api.GET` like the map).
 */
/** How long a read of the wall may take before it counts as failed (the figures answer in well under a second). */
export const REQUEST_TIMEOUT_MS = 20_000

async function getJson<T>(path: string): Promise<T> {
  const token = await bearer()
  let response: Response
  try {
    // a request that hangs must not stall the wall: the next refresh tries again
    response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}`, Accept: 'application/json' } : { Accept: 'application/json' },
      cache: 'no-store', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
  } catch (e) {
    throw new ApiError({ status: 0, title: 'network', detail: String(e) })
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { title?: string; detail?: string; type?: string }
    throw new ApiError({ status: response.status, title: body.title, detail: body.detail, type: body.type })
  }
  return (await response.json()) as T
}

const district = (tenant: string) => `/api/v1/tenants/${encodeURIComponent(tenant)}`

export const districtFigures = (tenant: string) => getJson<DistrictFigures>(`${district(tenant)}/screen`)
export const cityFigures = () => getJson<CityFigures>('/api/v1/city/screen')
export const districtMode = (tenant: string) => getJson<ModeDetail>(`${district(tenant)}/mode`)

/** The panels of the district's models, in order; none when the platform lists none or cannot (404 before the listing exists). */
export async function screenPanels(tenant: string): Promise<ScreenPanelInfo[]> {
  try {
    const panels = await getJson<ScreenPanelInfo[]>(`${district(tenant)}/screen/panels`)
    return Array.isArray(panels) ? [...panels].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id)) : []
  } catch {
    return []
  }
}

export function gridMap(tenant: string): Promise<GridMap> {
  return ok(api.GET('/api/v1/tenants/{tenant}/grids/map', { params: { path: { tenant } } }))
}

export const districtEvents = (tenant: string) => `${district(tenant)}/events`
export const cityEvents = '/api/v1/city/events'
