import { onMounted, ref, shallowRef, watch, type WatchSource } from 'vue'
import { showProblem } from './problems'

/** One page of a list as the API answers it. */
export interface Slice<T> {
  items: T[]
  total: number
}

export const PAGE_SIZE = 50

/**
 * A list a page loads from the API: its rows, total, current page and loading flag. It loads when the
 * page mounts, when the page number changes and when one of `filters` changes (back to page 1 then);
 * a refused call is shown to the user. A list without paging ignores `offset` and `limit`.
 */
export function useList<T>(fetch: (offset: number, limit: number) => Promise<Slice<T>>, filters: WatchSource[] = [],
  pageSize = PAGE_SIZE) {
  const rows = shallowRef<T[]>([])
  const total = ref(0)
  const page = ref(1)
  const loading = ref(false)

  async function load() {
    loading.value = true
    try {
      const slice = await fetch((page.value - 1) * pageSize, pageSize)
      rows.value = slice.items
      total.value = slice.total
    } catch (e) {
      showProblem(e)
    } finally {
      loading.value = false
    }
  }
  if (filters.length) {
    watch(filters, () => {
      if (page.value === 1) load()
      else page.value = 1
    })
  }
  watch(page, load)
  onMounted(load)
  return { rows, total, page, pageSize, loading, load }
}

/** A whole list (no paging) as a slice. */
export async function whole<T>(items: Promise<T[]>): Promise<Slice<T>> {
  const all = await items
  return { items: all, total: all.length }
}
