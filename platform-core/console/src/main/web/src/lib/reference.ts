import { shallowRef, type ShallowRef } from 'vue'
import { api, ok, type Category, type Department, type Grid, type GridMap } from '../api/client'

/** A district's reference data, loaded once per page load: categories, departments, grids, boundaries. */
export interface Reference {
  categories: Category[]
  departments: Department[]
  grid: Grid
  map: GridMap
  categoryByCode: Map<string, Category>
  gridByCode: Map<string, Grid>
}

const cache = new Map<string, Promise<Reference>>()

function flatten(g: Grid, into: Map<string, Grid>): Map<string, Grid> {
  into.set(g.code, g)
  g.children?.forEach((c) => flatten(c, into))
  return into
}

export function loadReference(tenant: string): Promise<Reference> {
  let ref = cache.get(tenant)
  if (!ref) {
    const path = { path: { tenant } }
    ref = Promise.all([
      ok(api.GET('/api/v1/tenants/{tenant}/categories', { params: path })),
      ok(api.GET('/api/v1/tenants/{tenant}/departments', { params: path })),
      ok(api.GET('/api/v1/tenants/{tenant}/grids', { params: path })),
      ok(api.GET('/api/v1/tenants/{tenant}/grids/map', { params: path })),
    ]).then(([categories, departments, grid, map]) => ({
      categories,
      departments,
      grid,
      map,
      categoryByCode: new Map(categories.map((c) => [c.code, c])),
      gridByCode: flatten(grid, new Map()),
    }))
    ref.catch(() => cache.delete(tenant))
    cache.set(tenant, ref)
  }
  return ref
}

/** The reference data as a reactive value, null until loaded. */
export function useReference(tenant: string): ShallowRef<Reference | null> {
  const r = shallowRef<Reference | null>(null)
  loadReference(tenant).then((v) => (r.value = v))
  return r
}

/** A name in the chosen language. */
export function named(x: { name: string; nameEn?: string } | undefined, locale: string, fallback = ''): string {
  if (!x) return fallback
  return locale === 'en' && x.nameEn ? x.nameEn : x.name
}
