// A good console page of the sample model: exports mount, names its key, imports a sibling.
import { text } from './sample-ui.js';

/** @param {HTMLElement} el @param {{locale: string}} ctx */
export function mount(el, ctx) {
  const root = document.createElement('section');
  root.dataset.page = 'sample-model/steps';
  root.append(text(ctx.locale === 'en' ? 'Steps' : '流转记录'));
  el.append(root);
  return () => root.remove();
}
