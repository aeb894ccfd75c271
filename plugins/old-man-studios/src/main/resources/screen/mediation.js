// 老倌俚调解 — the old-man studios' panel on the district's big screen (plugin guide section 15):
// disputes registered this month, mediated successfully, the success rate, and the studios with
// outcomes this month. Aggregates only, from the panel's figures (GET
// screen/panels/old-man-studios/mediation): studio names, never parties or mediators. Built on the
// platform's kits; data written as text.
import { t } from '/console/plugins/kit/1/ui.js';
import { panel, figures, figure, figureRow, format, breakdown, asOf, colours } from '/console/plugins/kit/1/screen.js';

const KEY = 'old-man-studios/mediation';

/**
 * @typedef {{key: string, label: string, figures: Record<string, number|null>}} Row
 * @typedef {{period: string, generatedAt: string, figures: Record<string, number|null>, rows: Row[]}} Figures
 */

/**
 * @param {HTMLElement} el the box the screen gives the panel (about 440×300 CSS px)
 * @param {{tenant: string, locale: 'zh-CN'|'en', theme: 'dark',
 *          api: (path: string, init?: RequestInit) => Promise<Response>}} ctx
 * @returns {() => void} removes the panel
 */
export function mount(el, ctx) {
  const view = panel(el, KEY, t(ctx, '老倌俚调解', 'Old-man studio mediation'));
  view.run(async () => {
    /** @type {Figures} */
    const f = await figures(ctx, KEY);
    view.add(
      figureRow(
        figure(t(ctx, '本月受理纠纷', "Month's disputes"), format(ctx, f.figures.disputes)),
        figure(t(ctx, '调解成功', 'Agreements'), format(ctx, f.figures.agreements), colours.success),
        figure(t(ctx, '调解成功率', 'Success rate'), format(ctx, f.figures.successRate, 'rate'))),
      breakdown(ctx, t(ctx, '本月各工作室调解情况', 'Studios this month'), [
        { label: t(ctx, '工作室', 'Studio'), value: (r) => r.label },
        { label: t(ctx, '办结', 'Concluded'), value: (r) => format(ctx, r.figures.withOutcome) },
        { label: t(ctx, '成功', 'Agreed'), value: (r) => format(ctx, r.figures.agreements), colour: () => colours.success },
        { label: t(ctx, '成功率', 'Rate'), value: (r) => format(ctx, r.figures.successRate, 'rate') },
      ], f.rows, t(ctx, '本月暂无办结的纠纷', 'no dispute concluded this month'), 4),
      asOf(ctx, f.generatedAt));
  });
  return view.unmount;
}
