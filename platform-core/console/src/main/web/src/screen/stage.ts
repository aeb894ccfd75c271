import { reactive } from 'vue'
import { chartPixelRatio, fitCanvas, type Fit } from './lib/scale'

/** The canvas's fit in the window and the viewer's motion preference, shared by every chart of the page. */
export const stage = reactive<Fit & { reducedMotion: boolean }>({ ...fitCanvas(1920, 1080), reducedMotion: false })

let started = false

/** Follows the window's size and the reduced-motion preference (once per page). */
export function followStage(): void {
  if (started || typeof window === 'undefined') return
  started = true
  const refit = () => Object.assign(stage, fitCanvas(window.innerWidth, window.innerHeight))
  refit()
  window.addEventListener('resize', refit)
  const motion = window.matchMedia?.('(prefers-reduced-motion: reduce)')
  if (motion) {
    stage.reducedMotion = motion.matches
    motion.addEventListener('change', (e) => (stage.reducedMotion = e.matches))
  }
}

/** The pixel ratio charts are drawn at, so that they stay sharp on a 4K wall. */
export function pixelRatio(): number {
  return chartPixelRatio(typeof window === 'undefined' ? 1 : window.devicePixelRatio, stage.scale)
}
