/**
 * The wall's dark palette. Text colours meet WCAG AA (4.5:1) on the panel colour #0f1d33: primary
 * text 14.9:1, secondary 7.6:1, the accents 6–10:1 (checked in screen.test.ts).
 */
export const PALETTE = {
  background: '#08111f',
  panel: '#0f1d33',
  border: '#22406a',
  text: '#e8eef7',
  secondary: '#a9bbd1',
  axis: '#3a5579',
  cyan: '#4fc3f7',
  green: '#5bd68a',
  amber: '#ffc15e',
  red: '#ff7b7b',
  violet: '#b79cff',
  wartime: '#8e1015',
} as const

/** The map's colour ramp for open cases: few (dark blue) through teal and yellow to many (red), never through grey. */
export const MAP_RAMP = ['#173a66', '#1e6fa5', '#1fa59a', '#a8c94a', '#f4b23e', '#ef6a3a', '#d9323a']
