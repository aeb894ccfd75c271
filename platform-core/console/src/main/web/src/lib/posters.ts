import type { paths } from '../api/schema'
import type { Grid } from '../api/client'

/** The most pages one poster file may have (the platform refuses more, naming `below`). */
export const MAX_POSTER_PAGES = 500

/** The operation, checked against the OpenAPI document by vue-tsc: it breaks the build if the path goes. */
const POSTERS: keyof paths = '/api/v1/tenants/{tenant}/posters'

/**
 * The address of a district's QR posters (码上办) for `grid`: its own poster, or with `below` one
 * for every grid under it. Fetched with the bearer token by `downloadFile`.
 */
export function posterUrl(tenant: string, grid: string, below: boolean): string {
  const query = new URLSearchParams({ grid })
  if (below) query.set('below', 'true')
  return `${POSTERS.replace('{tenant}', encodeURIComponent(tenant))}?${query}`
}

/** The file name the platform gives: `posters-<district>-<grid>.pdf`, the code kept to safe characters. */
export function posterFileName(tenant: string, grid: string): string {
  return `posters-${tenant}-${grid.replace(/[^A-Za-z0-9._-]/g, '_')}.pdf`
}

/** How many pages the posters of `grid` take: one, or with `below` every grid under it (itself when none). */
export function posterPages(grid: Grid, below: boolean): number {
  if (!below || !grid.children?.length) return 1
  let n = 0
  const count = (g: Grid) => g.children?.forEach((c) => { n++; count(c) })
  count(grid)
  return n
}

/** The nodes from `root` down to the grid `code` (both included); empty when it is not in the tree. */
export function gridPath(root: Grid, code: string): Grid[] {
  if (root.code === code) return [root]
  for (const child of root.children ?? []) {
    const below = gridPath(child, code)
    if (below.length) return [root, ...below]
  }
  return []
}
