// Screen panel "template/notes-board" (本月工作备注): work notes written this month and the busiest
// grids, on the district's big screen. The contract: export mount(el, ctx), return an unmount function;
// read only the panel's figures (counts), never a plugin endpoint; see docs/plugin-guide.md §15.
import { t } from '/console/plugins/kit/1/ui.js';
import { panel, figures, figure, figureRow, format, breakdown, asOf } from '/console/plugins/kit/1/screen.js';

const KEY = 'template/notes-board';

/**
 * @param {HTMLElement} el the box the screen gives the panel (about 440×300 CSS px, dark theme)
 * @param {{tenant: string, locale: 'zh-CN'|'en', theme: 'dark',
 *          api: (path: string, init?: RequestInit) => Promise<Response>}} ctx
 * @returns {() => void}
 */
export function mount(el, ctx) {
  const view = panel(el, KEY, t(ctx, '本月工作备注', 'Work notes this month'));
  view.run(async () => {
    const f = await figures(ctx, KEY);       // GET screen/panels/template/notes-board
    view.add(
      figureRow(
        figure(t(ctx, '本月备注', 'Notes this month'), format(ctx, f.figures.notes)),
        figure(t(ctx, '涉及网格', 'Grids'), format(ctx, f.figures.grids))),
      breakdown(ctx, t(ctx, '备注最多的网格', 'Busiest grids'), [
        { label: t(ctx, '网格', 'Grid'), value: (r) => r.label },
        { label: t(ctx, '备注', 'Notes'), value: (r) => format(ctx, r.figures.notes) },
      ], f.rows, t(ctx, '本月暂无备注', 'no notes this month')),
      asOf(ctx, f.generatedAt));
  });
  return view.unmount;
}
