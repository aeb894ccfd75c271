import { onBeforeUnmount, ref, type Ref } from 'vue'

/** Whether the viewport is at most `maxWidth` px wide (a phone), following resizes. */
export function useNarrow(maxWidth = 600): Ref<boolean> {
  const query = window.matchMedia(`(max-width: ${maxWidth}px)`)
  const narrow = ref(query.matches)
  const change = (e: MediaQueryListEvent) => (narrow.value = e.matches)
  query.addEventListener('change', change)
  onBeforeUnmount(() => query.removeEventListener('change', change))
  return narrow
}
