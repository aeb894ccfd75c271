import { onBeforeUnmount, ref, type Ref } from 'vue'

/** The current time in ms, refreshed every `everyMs` while the component lives. */
export function useNow(everyMs = 30_000): Ref<number> {
  const now = ref(Date.now())
  const timer = window.setInterval(() => (now.value = Date.now()), everyMs)
  onBeforeUnmount(() => window.clearInterval(timer))
  return now
}
