// A good console page of the sample model: exports mount, names its key, imports the platform's page
// kit and a sibling helper (which builds on the kit itself).
import { t } from '/console/plugins/kit/1/ui.js';
import { text } from './sample-ui.js';

/** @param {HTMLElement} el @param {{locale: string}} ctx */
export function mount(el, ctx) {
  const root = document.createElement('section');
  root.dataset.page = 'sample-model/steps';
  root.append(text(t(ctx, '流转记录', 'Steps')));
  el.append(root);
  return () => root.remove();
}
