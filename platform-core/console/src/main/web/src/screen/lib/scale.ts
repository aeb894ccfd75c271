/** The screen is designed once, for a 1920 × 1080 canvas, and scaled as a whole to the wall. */
export const DESIGN_WIDTH = 1920
export const DESIGN_HEIGHT = 1080

/** How the design canvas sits in a viewport: its scale and the offset that centres it. */
export interface Fit {
  scale: number
  left: number
  top: number
}

/**
 * The largest scale at which the whole 1920 × 1080 canvas fits the viewport, centred (letterboxed
 * when the viewport's aspect ratio differs): 1 on a 1080p screen, 2 on a 4K wall, 0.5 on a
 * 960 × 540 preview. A viewport of no size (a hidden tab) keeps scale 1.
 */
export function fitCanvas(width: number, height: number, design = { width: DESIGN_WIDTH, height: DESIGN_HEIGHT }): Fit {
  if (!(width > 0) || !(height > 0)) return { scale: 1, left: 0, top: 0 }
  const scale = Math.min(width / design.width, height / design.height)
  return {
    scale,
    left: Math.round((width - design.width * scale) / 2),
    top: Math.round((height - design.height * scale) / 2),
  }
}

/** The CSS transform that puts the canvas where `fit` says (transform-origin: 0 0). */
export function transformOf(fit: Fit): string {
  return `translate(${fit.left}px, ${fit.top}px) scale(${fit.scale})`
}

/**
 * The pixel ratio a chart's canvas must be drawn at so that it stays sharp after the CSS scaling:
 * the device's own ratio times the canvas scale (a 4K wall at scale 2 draws every chart at twice
 * its CSS size), at least 1 and at most 3 (memory: the map's 900 × 560 canvas at 3 is about 18 MB).
 */
export function chartPixelRatio(devicePixelRatio: number, scale: number): number {
  const r = (devicePixelRatio > 0 ? devicePixelRatio : 1) * (scale > 0 ? scale : 1)
  return Math.min(3, Math.max(1, r))
}
