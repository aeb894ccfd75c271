// writes data as HTML, loads a module from the internet, a kit that does not exist and a helper that breaks the rules
import { chart } from 'https://cdn.example.org/chart.js';
import { missing } from './missing.js';
import { h } from '/console/plugins/kit/9/ui.js';
import { banner } from './unsafe-helper.js';

export function mount(el, ctx) {
  el.innerHTML = '<h1>' + ctx.tenant + '</h1>';
}
