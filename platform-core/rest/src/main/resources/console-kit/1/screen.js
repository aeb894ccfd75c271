// The screen panel kit, version 1 (大屏面板工具包): DOM helpers for the plugins' panels on the big
// screen, served by the platform at /console/plugins/kit/1/screen.js; panels import it by that
// absolute path, beside the page kit (./ui.js: t, h, call…). Part of the panel contract
// (docs/adr/0015-plugin-console-pages.md, plugin guide section 15): within version 1 exports are only
// added, never removed or changed. Dark theme: every colour and size comes from the CSS variables the
// screen sets (--screen-text, --screen-accent…; the fallbacks below apply where a host sets none).
// Plain DOM, data written as text only, styles through the CSSOM. Imports only the page kit.
import { h, t, call } from './ui.js';

/** The screen's CSS variables with their fallbacks, as `var(...)` expressions. */
export const colours = Object.freeze({
  text: 'var(--screen-text, #e6edf7)',
  secondary: 'var(--screen-text-secondary, #8fa3bf)',
  accent: 'var(--screen-accent, #4fc3f7)',
  border: 'var(--screen-border, #24405f)',
  success: 'var(--screen-success, #52c41a)',
  warning: 'var(--screen-warning, #faad14)',
  danger: 'var(--screen-danger, #ff4d4f)',
});

const NUMERAL = 'var(--screen-numeral-size, 40px)';
const FONT = 'var(--screen-font-size, 16px)';
const SMALL = 'var(--screen-font-size-small, 13px)';

/**
 * The panel's root, appended to `el`: a section carrying `data-panel` and named by `title` for
 * assistive technology (the screen draws the visible title on the panel's frame), filling the box,
 * with a message line for errors. `add(...children)` appends parts (null skipped); `run(task)` runs an
 * async task and shows its error; `unmount()` removes the panel.
 * @param {HTMLElement} el
 * @param {string} key "<model>/<id>"
 * @param {string} title
 */
export function panel(el, key, title) {
  const message = h('p', { role: 'status', 'aria-live': 'polite',
    style: { margin: '0', color: colours.danger, 'font-size': SMALL } });
  const root = h('section', { 'data-panel': key, 'aria-label': title, style: {
    color: colours.text, 'font-size': FONT, height: '100%', 'box-sizing': 'border-box', display: 'flex',
    'flex-direction': 'column', gap: '10px', overflow: 'hidden', 'font-variant-numeric': 'tabular-nums' } }, message);
  el.append(root);
  return {
    root,
    add: (...children) => root.append(...children.filter((c) => c !== null && c !== undefined && c !== false)),
    run: async (task) => {
      try {
        message.textContent = '';
        await task();
      } catch (e) {
        message.textContent = e.message;
      }
    },
    unmount: () => root.remove(),
  };
}

/**
 * The figures of the calling panel (`GET screen/panels/<model>/<id>`): `{period, generatedAt,
 * figures: {key: number|null}, rows: [{key, label, figures}]}`. Counts are whole numbers, rates
 * fractions in [0, 1] or null.
 * @param {{api: (path: string, init?: RequestInit) => Promise<Response>}} ctx
 * @param {string} key "<model>/<id>"
 */
export function figures(ctx, key) {
  return call(ctx, 'screen/panels/' + key);
}

/**
 * A number for the screen: a count with the locale's grouping, a rate as a whole percentage;
 * "—" when there is none.
 * @param {{locale: string}} ctx
 * @param {number|null|undefined} value
 * @param {'count'|'rate'} [kind]
 */
export function format(ctx, value, kind = 'count') {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const locale = ctx.locale === 'en' ? 'en-GB' : 'zh-CN';
  return kind === 'rate'
    ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(value)
    : new Intl.NumberFormat(locale).format(value);
}

/**
 * One large figure: the numeral over its label, in the accent colour or `colour`.
 * @param {string} label
 * @param {string} text the formatted value (see format)
 * @param {string} [colour] a CSS colour, e.g. colours.success
 */
export function figure(label, text, colour = colours.accent) {
  return h('div', { style: { display: 'flex', 'flex-direction': 'column', 'min-width': '0', flex: '1 1 0' } },
    h('span', { style: { 'font-size': NUMERAL, 'font-weight': '700', 'line-height': '1.1', color: colour,
      'white-space': 'nowrap' } }, text),
    h('span', { style: { color: colours.secondary, 'font-size': SMALL, 'white-space': 'nowrap', overflow: 'hidden',
      'text-overflow': 'ellipsis' } }, label));
}

/** A row of large figures sharing the width. @param {...HTMLElement} items */
export function figureRow(...items) {
  return h('div', { style: { display: 'flex', gap: '16px', 'align-items': 'flex-end' } }, items);
}

/**
 * A compact table of rows (per studio, per colour…): a caption, header cells, the first column heads
 * its row; at most `max` rows, the rest summed up in a line.
 * @template T
 * @param {{locale: string}} ctx
 * @param {string} caption
 * @param {{label: string, value: (row: T) => (Node|string|number|null|undefined), colour?: (row: T) => string}[]} columns
 * @param {T[]} rows
 * @param {string} empty text shown instead of an empty table
 * @param {number} [max]
 */
export function breakdown(ctx, caption, columns, rows, empty, max = 5) {
  if (rows.length === 0) {
    return h('p', { style: { margin: '0', color: colours.secondary, 'font-size': SMALL } }, caption + ' — ' + empty);
  }
  const cell = { padding: '3px 6px', 'border-bottom': '1px solid ' + colours.border, 'text-align': 'right',
    'font-weight': 'normal', 'white-space': 'nowrap' };
  const first = { ...cell, 'text-align': 'left', overflow: 'hidden', 'text-overflow': 'ellipsis', 'max-width': '180px' };
  const shown = rows.slice(0, max);
  const more = rows.length - shown.length;
  return h('table', { style: { width: '100%', 'border-collapse': 'collapse', 'font-size': SMALL, 'table-layout': 'auto' } },
    h('caption', { style: { 'text-align': 'left', color: colours.secondary, padding: '0 0 4px' } },
      more > 0 ? caption + t(ctx, `（另有 ${more} 项）`, ` (${more} more)`) : caption),
    h('thead', {}, h('tr', {}, columns.map((c, i) => h('th', { scope: 'col',
      style: { ...(i === 0 ? first : cell), color: colours.secondary } }, c.label)))),
    h('tbody', {}, shown.map((row) => h('tr', {}, columns.map((c, i) => h(i === 0 ? 'th' : 'td',
      { scope: i === 0 ? 'row' : null, title: i === 0 ? String(c.value(row) ?? '') : null,
        style: { ...(i === 0 ? first : cell), color: c.colour ? c.colour(row) : colours.text } },
      c.value(row) ?? '—'))))));
}

/**
 * When the figures were computed, as a small line ("数据时间 14:05"), in Beijing time.
 * @param {{locale: string}} ctx
 * @param {string} iso
 */
export function asOf(ctx, iso) {
  const time = iso ? new Date(iso).toLocaleTimeString(ctx.locale === 'en' ? 'en-GB' : 'zh-CN',
    { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' }) : '—';
  return h('p', { style: { margin: 'auto 0 0', color: colours.secondary, 'font-size': SMALL } },
    t(ctx, '数据时间 ', 'As of ') + time);
}
