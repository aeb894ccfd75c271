// writes data as HTML and loads a module from the internet
import { chart } from 'https://cdn.example.org/chart.js';
import { missing } from './missing.js';

export function mount(el, ctx) {
  el.innerHTML = '<h1>' + ctx.tenant + '</h1>';
}
