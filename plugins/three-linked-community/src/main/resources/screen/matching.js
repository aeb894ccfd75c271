// 三联需求对接 — the three-linked community work's panel on the district's big screen (plugin guide
// section 15): residents' needs published as service orders this month, needs matched with a social
// organisation or social worker this month, and the service orders still open. Aggregates only, from
// the panel's figures (GET screen/panels/three-linked-community/matching): no resident's name, phone
// or need. Built on the platform's kits; data written as text.
import { t, h } from '/console/plugins/kit/1/ui.js';
import { panel, figures, figure, figureRow, format, asOf, colours } from '/console/plugins/kit/1/screen.js';

const KEY = 'three-linked-community/matching';

/** @typedef {{period: string, generatedAt: string, figures: Record<string, number|null>}} Figures */

/**
 * @param {HTMLElement} el the box the screen gives the panel (about 440×300 CSS px)
 * @param {{tenant: string, locale: 'zh-CN'|'en', theme: 'dark',
 *          api: (path: string, init?: RequestInit) => Promise<Response>}} ctx
 * @returns {() => void} removes the panel
 */
export function mount(el, ctx) {
  const view = panel(el, KEY, t(ctx, '三联需求对接', 'Needs and service orders'));
  view.run(async () => {
    /** @type {Figures} */
    const f = await figures(ctx, KEY);
    const small = { margin: '0', color: colours.secondary, 'font-size': 'var(--screen-font-size-small, 13px)' };
    view.add(
      figureRow(
        figure(t(ctx, '本月发布需求', 'Needs published this month'), format(ctx, f.figures.needsPublished)),
        figure(t(ctx, '本月供需对接', 'Matched this month'), format(ctx, f.figures.needsMatched), colours.success)),
      figureRow(
        figure(t(ctx, '在办服务订单', 'Open service orders'), format(ctx, f.figures.ordersOpen), colours.warning)),
      h('p', { style: small },
        t(ctx, `其中待接单 ${format(ctx, f.figures.ordersAwaiting)} 单，服务中 ${format(ctx, f.figures.ordersInService)} 单`,
          `${format(ctx, f.figures.ordersAwaiting)} awaiting a taker, ${format(ctx, f.figures.ordersInService)} in service`)),
      asOf(ctx, f.generatedAt));
  });
  return view.unmount;
}
