// names no data-panel key, imports a screen kit export that does not exist, writes HTML
import { bars } from '/console/plugins/kit/1/screen.js';

export function mount(el, ctx) {
  el.innerHTML = '<b>' + ctx.tenant + '</b>';
}
