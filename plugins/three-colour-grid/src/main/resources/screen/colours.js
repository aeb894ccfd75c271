// 一网三色 — the three-colour grid's panel on the district's big screen (plugin guide section 15):
// whistles blown this month and how many were answered, and this month's cases by triage colour
// (green 简易问题, yellow 需协调问题, red 重点难点问题). Aggregates only, from the panel's figures
// (GET screen/panels/three-colour-grid/colours); built on the platform's kits, data written as text.
import { t, h } from '/console/plugins/kit/1/ui.js';
import { panel, figures, figure, figureRow, format, asOf, colours } from '/console/plugins/kit/1/screen.js';

const KEY = 'three-colour-grid/colours';

/** The traffic light of the Jizhou tiers: row key → [zh, en, colour]. */
const TIERS = {
  green: ['绿·简易问题', 'Green · simple', colours.success],
  yellow: ['黄·需协调问题', 'Yellow · coordination', colours.warning],
  red: ['红·重点难点问题', 'Red · key and difficult', colours.danger],
};

/**
 * @typedef {{key: string, label: string, figures: Record<string, number|null>}} Row
 * @typedef {{period: string, generatedAt: string, figures: Record<string, number|null>, rows: Row[]}} Figures
 */

/**
 * One bar of the colour breakdown: label, count and a bar as wide as its share of the month's cases.
 * @param {{locale: string}} ctx
 * @param {Row} row
 * @param {number} total
 */
function bar(ctx, row, total) {
  const [zh, en, colour] = TIERS[row.key] || [row.label, row.label, colours.accent];
  const n = row.figures.reported ?? 0;
  const share = total > 0 ? Math.round((n / total) * 100) : 0;
  return h('li', { style: { display: 'grid', 'grid-template-columns': '9em 1fr 3.5em', 'align-items': 'center', gap: '8px' } },
    h('span', { style: { color: colours.secondary, 'font-size': 'var(--screen-font-size-small, 13px)' } }, t(ctx, zh, en)),
    h('span', { 'aria-hidden': 'true', style: { height: '12px', background: colours.border, 'border-radius': '6px', overflow: 'hidden' } },
      h('span', { style: { display: 'block', height: '100%', width: share + '%', background: colour } })),
    h('span', { style: { 'text-align': 'right', 'font-weight': '700', color: colour } }, format(ctx, n)));
}

/**
 * @param {HTMLElement} el the box the screen gives the panel (about 440×300 CSS px)
 * @param {{tenant: string, locale: 'zh-CN'|'en', theme: 'dark',
 *          api: (path: string, init?: RequestInit) => Promise<Response>}} ctx
 * @returns {() => void} removes the panel
 */
export function mount(el, ctx) {
  const view = panel(el, KEY, t(ctx, '一网三色', 'One net, three colours'));
  view.run(async () => {
    /** @type {Figures} */
    const f = await figures(ctx, KEY);
    const total = f.figures.reported ?? 0;
    view.add(
      figureRow(
        figure(t(ctx, '本月网格吹哨', "Month's whistles"), format(ctx, f.figures.whistles)),
        figure(t(ctx, '已响应', 'Answered'), format(ctx, f.figures.answered), colours.success),
        figure(t(ctx, '响应率', 'Answer rate'), format(ctx, f.figures.answerRate, 'rate'))),
      h('p', { style: { margin: '4px 0 0', color: colours.secondary, 'font-size': 'var(--screen-font-size-small, 13px)' } },
        t(ctx, `本月上报案件 ${format(ctx, total)} 件，按三色分级`, `${format(ctx, total)} cases reported this month, by colour`)),
      h('ul', { style: { 'list-style': 'none', margin: '0', padding: '0', display: 'flex', 'flex-direction': 'column', gap: '6px' } },
        f.rows.map((row) => bar(ctx, row, total))),
      asOf(ctx, f.generatedAt));
  });
  return view.unmount;
}
