/**
 * The first-paint measurement the screen test and the benchmark read: the moment the wall's first
 * figures and charts were drawn, as a User Timing mark (`performance.getEntriesByName(MARK)`,
 * milliseconds from the navigation start) and `data-drawn` on the document element.
 */
export const MARK = 'gz-screen-drawn'

export function markDrawn(): void {
  if (typeof performance === 'undefined' || performance.getEntriesByName(MARK).length) return
  // after the next frame: the figures and the charts (ECharts draws synchronously in setOption) are on screen
  requestAnimationFrame(() => {
    if (performance.getEntriesByName(MARK).length) return
    performance.mark(MARK)
    document.documentElement.dataset.drawn = String(Math.round(performance.now()))
  })
}
