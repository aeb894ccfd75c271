import { api, ok } from '../api/client'
import type { District, GridMap } from './api'

const districts = new Map<string, Promise<District>>()
const maps = new Map<string, Promise<GridMap>>()

function once<T>(cache: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key)
  if (!p) {
    p = load()
    p.catch(() => cache.delete(key))
    cache.set(key, p)
  }
  return p
}

/** The district's facts for residents (name, categories, reopening window), once per page load. */
export function loadDistrict(tenant: string): Promise<District> {
  return once(districts, tenant, () => ok(api.GET('/api/v1/resident/{tenant}', { params: { path: { tenant } } })))
}

/** The district's grid boundaries (GeoJSON), once per page load. */
export function loadGridMap(tenant: string): Promise<GridMap> {
  return once(maps, tenant, () => ok(api.GET('/api/v1/resident/{tenant}/grids/map', { params: { path: { tenant } } })))
}
