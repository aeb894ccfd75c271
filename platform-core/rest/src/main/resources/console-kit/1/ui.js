// The console page kit, version 1 (控制台页面工具包): small DOM helpers for the plugins' console pages,
// served by the platform at /console/plugins/kit/1/ui.js; pages import it by that absolute path.
// Part of the plugin page contract (docs/adr/0015-plugin-console-pages.md, plugin guide section 14):
// within version 1 exports are only added, never removed or changed; an incompatible kit is /kit/2/.
// Plain DOM, no framework, no HTML strings. Colours and sizes come from Element Plus's CSS variables,
// so the pages look like the console; styles are set through the CSSOM (element.style), which a
// strict Content-Security-Policy allows. It imports nothing.

/** The roles that may change plugin records (department handlers only read). */
const WRITERS = ['district-admin', 'dispatcher', 'grid-worker', 'mediator', 'social-worker'];

/**
 * The text of the console's language.
 * @param {{locale: string}} ctx
 * @param {string} zh
 * @param {string} en
 */
export function t(ctx, zh, en) {
  return ctx.locale === 'en' ? en : zh;
}

/** Whether the caller may write (show forms). @param {{roles: string[]}} ctx */
export function canWrite(ctx) {
  return ctx.roles.some((r) => WRITERS.includes(r));
}

/**
 * Creates an element. `props`: attributes (strings), `style` (an object of CSS properties),
 * `on<event>` listeners; children: nodes or strings (always text, never HTML); null is skipped.
 * @param {string} tag
 * @param {Record<string, any>} [props]
 * @param {...(Node|string|number|null|undefined|false)} children
 * @returns {HTMLElement}
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'style') {
      for (const [property, v] of Object.entries(value)) el.style.setProperty(property, v);
    } else if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

const CELL = {
  padding: '6px 10px',
  'border-bottom': '1px solid var(--el-border-color-lighter)',
  'text-align': 'left',
  'vertical-align': 'top',
};

/**
 * A table with a caption and header cells; the first column heads its row.
 * @template T
 * @param {string} caption
 * @param {{label: string, value: (row: T) => (Node|string|number|null|undefined)}[]} columns
 * @param {T[]} rows
 * @param {string} empty text shown instead of an empty table
 */
export function table(caption, columns, rows, empty) {
  const captionEl = h('caption', { style: { 'text-align': 'left', 'font-weight': '600', padding: '4px 0' } }, caption);
  if (rows.length === 0) {
    return h('p', { style: { color: 'var(--el-text-color-secondary)' } }, caption + ' — ' + empty);
  }
  const head = h('tr', {}, columns.map((c) => h('th', { scope: 'col',
    style: { ...CELL, background: 'var(--el-fill-color-light)', color: 'var(--el-text-color-regular)' } }, c.label)));
  const body = rows.map((row) => h('tr', {}, columns.map((c, i) => h(i === 0 ? 'th' : 'td',
    i === 0 ? { scope: 'row', style: { ...CELL, 'font-weight': 'normal' } } : { style: CELL }, c.value(row) ?? '—'))));
  return h('div', { style: { 'overflow-x': 'auto', 'margin-bottom': '16px' } },
    h('table', { style: { 'border-collapse': 'collapse', width: '100%', 'font-size': 'var(--el-font-size-base)' } },
      captionEl, h('thead', {}, head), h('tbody', {}, body)));
}

let fieldCount = 0;

/**
 * A labelled form control. `control` is 'input' (default), 'textarea' or 'select' (with `options`
 * as [value, label] pairs); other props become attributes (name, type, required, maxlength…).
 * @param {string} label
 * @param {Record<string, any>} props
 */
export function field(label, props) {
  const { control = 'input', options = [], ...attrs } = props;
  const id = 'gz-field-' + (++fieldCount);
  const style = { padding: '4px 8px', border: '1px solid var(--el-border-color)', 'border-radius': 'var(--el-border-radius-base)',
    'font-size': 'var(--el-font-size-base)', color: 'var(--el-text-color-regular)', background: 'var(--el-fill-color-blank)' };
  const input = control === 'select'
    ? h('select', { id, style, ...attrs }, options.map(([value, text]) => h('option', { value }, text)))
    : h(control, { id, style, ...attrs });
  return h('div', { style: { display: 'flex', 'flex-direction': 'column', gap: '4px', 'min-width': '160px', flex: '1 1 160px' } },
    h('label', { for: id, style: { color: 'var(--el-text-color-regular)' } }, label), input);
}

/** A button; `primary` for the form's main action. */
export function button(text, props = {}, primary = false) {
  return h('button', { type: 'button', ...props, style: {
    padding: '6px 14px', cursor: 'pointer', 'border-radius': 'var(--el-border-radius-base)',
    border: '1px solid ' + (primary ? 'var(--el-color-primary)' : 'var(--el-border-color)'),
    background: primary ? 'var(--el-color-primary)' : 'var(--el-fill-color-blank)',
    color: primary ? 'var(--el-color-white)' : 'var(--el-text-color-regular)' } }, text);
}

/**
 * A form laid out in a wrapping row, with a submit button and a message line. `onSubmit(values)`
 * receives the fields by name (trimmed strings, an array for a name given several times, e.g. a
 * multiple select; empty ones left out); while it runs the button is disabled.
 * A thrown ApiError naming a field marks that control invalid.
 * @param {string} legend
 * @param {HTMLElement[]} fields
 * @param {string} submitText
 * @param {(values: Record<string, string|string[]>) => Promise<string>} onSubmit returns the success message
 */
export function form(legend, fields, submitText, onSubmit) {
  const message = h('p', { role: 'status', 'aria-live': 'polite', style: { margin: '8px 0 0' } });
  const submit = button(submitText, { type: 'submit' }, true);
  const el = h('form', { novalidate: true, style: { margin: '12px 0 20px' } },
    h('fieldset', { style: { border: '1px solid var(--el-border-color-lighter)', 'border-radius': 'var(--el-border-radius-base)', padding: '12px' } },
      h('legend', { style: { padding: '0 6px', 'font-weight': '600' } }, legend),
      h('div', { style: { display: 'flex', 'flex-wrap': 'wrap', gap: '12px', 'align-items': 'flex-end' } }, fields, submit),
      message));
  el.addEventListener('submit', async (event) => {
    event.preventDefault();
    el.querySelectorAll('[aria-invalid]').forEach((c) => c.removeAttribute('aria-invalid'));
    const values = {};
    for (const [name, value] of new FormData(el)) {
      if (typeof value !== 'string' || value.trim() === '') continue;
      const v = value.trim();
      values[name] = name in values ? [].concat(values[name], v) : v;
    }
    submit.disabled = true;
    try {
      say(message, await onSubmit(values), false);
      el.reset();
    } catch (e) {
      say(message, e.message, true);
      const bad = e.field && el.querySelector('[name="' + CSS.escape(e.field.split(/[.[]/)[0]) + '"]');
      if (bad) {
        bad.setAttribute('aria-invalid', 'true');
        bad.focus();
      }
    } finally {
      submit.disabled = false;
    }
  });
  return el;
}

/** Shows `text` in a message line, as an error or not. */
export function say(line, text, error) {
  line.textContent = text;
  line.setAttribute('role', error ? 'alert' : 'status');
  line.style.setProperty('color', error ? 'var(--el-color-danger)' : 'var(--el-color-success)');
}

/** An error of the API, with the field it names (problem details' `field`). */
export class ApiError extends Error {
  constructor(message, field) {
    super(message);
    this.field = field;
  }
}

/**
 * Calls the API (a path relative to the district) and returns the JSON answer; an error answer
 * throws an ApiError with the problem's detail (zh-CN first, English in brackets).
 * @param {{api: (path: string, init?: RequestInit) => Promise<Response>}} ctx
 * @param {string} path
 * @param {string} [method]
 * @param {unknown} [body]
 */
export async function call(ctx, path, method = 'GET', body = undefined) {
  const init = body === undefined ? { method } : { method, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) };
  const response = await ctx.api(path, init);
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new ApiError((json && (json.detail || json.title)) || 'HTTP ' + response.status, json && json.field);
  }
  return json;
}

/**
 * The newest `n` records of a paged list answered oldest first (`{items, total, offset, limit}`),
 * newest first. `path` may carry query parameters already.
 * @param {{api: (path: string, init?: RequestInit) => Promise<Response>}} ctx
 * @param {string} path
 * @param {number} [n] at most 500
 * @returns {Promise<{items: any[], total: number}>}
 */
export async function latest(ctx, path, n = 100) {
  const join = path.includes('?') ? '&' : '?';
  const { total } = await call(ctx, path + join + 'limit=1');
  const last = await call(ctx, path + join + 'offset=' + Math.max(0, total - n) + '&limit=' + n);
  return { items: last.items.slice().reverse(), total: last.total };
}

/**
 * The page's root, appended to `el`: a section carrying `data-page` and named by `title` (the console
 * shows the menu label as the heading above it), with a message line. `add(...children)` appends
 * parts (null skipped); `run(task)` runs an async task and shows its error in the message line;
 * `unmount()` removes the page.
 * @param {HTMLElement} el
 * @param {string} key "<model>/<id>"
 * @param {string} title
 */
export function page(el, key, title) {
  const message = h('p', { role: 'status', 'aria-live': 'polite' });
  const root = h('section', { 'data-page': key, 'aria-label': title,
    style: { color: 'var(--el-text-color-primary)', 'font-size': 'var(--el-font-size-base)', 'max-width': '100%' } },
  message);
  el.append(root);
  return {
    root,
    add: (...children) => root.append(...children.filter((c) => c !== null && c !== undefined && c !== false)),
    run: async (task) => {
      try {
        await task();
      } catch (e) {
        say(message, e.message, true);
      }
    },
    unmount: () => root.remove(),
  };
}

/**
 * The district's places of one level of the grid tree ('street', 'community', 'grid', 'building'),
 * as [code, "name code"] options for a select, in the tree's order.
 * @param {{api: (path: string, init?: RequestInit) => Promise<Response>}} ctx
 * @param {string} level
 * @returns {Promise<[string, string][]>}
 */
export async function places(ctx, level) {
  const out = [];
  const walk = (node) => {
    if (node.level === level) out.push([node.code, (ctx.locale === 'en' && node.nameEn ? node.nameEn : node.name) + ' ' + node.code]);
    (node.children || []).forEach(walk);
  };
  const depth = { street: 1, community: 2, grid: 3, building: 4 }[level] ?? 10;
  walk(await call(ctx, 'grids?depth=' + depth));
  return out;
}

/** A date-time of the API (ISO-8601) in the console's language. */
export function when(ctx, iso) {
  return iso ? new Date(iso).toLocaleString(ctx.locale === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai' }) : '—';
}
