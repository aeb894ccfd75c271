// a sibling helper that writes HTML from strings, loads a module from elsewhere and a name the kit lacks
import { format } from '../shared/format.js';
import { h as el, html } from '/console/plugins/kit/1/ui.js';
import { again } from './unsafe.js';

export function banner(el, name) {
  el.insertAdjacentHTML('beforeend', '<b>' + name + '</b>');
}
