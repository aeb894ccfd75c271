// A plugin's own helper module beside its pages; it may import the page kit too.
import { h } from '/console/plugins/kit/1/ui.js';

/** A paragraph of text: data never becomes HTML. */
export function text(value) {
  return h('p', {}, String(value));
}
