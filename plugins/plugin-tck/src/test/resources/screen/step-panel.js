// A good screen panel of the sample model: exports mount, names its key, imports the platform's page
// kit and screen kit only.
import { t } from '/console/plugins/kit/1/ui.js';
import { panel, figures, figure, format } from '/console/plugins/kit/1/screen.js';

const KEY = 'sample-model/step-panel';

/** @param {HTMLElement} el @param {{locale: string, api: Function}} ctx */
export function mount(el, ctx) {
  const view = panel(el, KEY, t(ctx, '本月闭环步骤', 'Steps this month'));
  view.run(async () => {
    const f = await figures(ctx, KEY);
    view.add(figure(t(ctx, '步骤', 'Steps'), format(ctx, f.figures.steps)));
  });
  return view.unmount;
}
