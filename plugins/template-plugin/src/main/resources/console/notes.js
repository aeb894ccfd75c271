// Console page "template/notes" (工作备注): the district's work notes, and a form to add one.
// The contract: export mount(el, ctx), return an unmount function; see docs/plugin-guide.md §14.
import { t, h, page, table, form, field, call, latest, canWrite, when } from '/console/plugins/kit/1/ui.js';

const KEY = 'template/notes';
const NOTES = 'plugins/template/notes';

/**
 * @param {HTMLElement} el
 * @param {{tenant: string, locale: 'zh-CN'|'en', roles: string[],
 *          api: (path: string, init?: RequestInit) => Promise<Response>}} ctx
 * @returns {() => void}
 */
export function mount(el, ctx) {
  const view = page(el, KEY, t(ctx, '工作备注', 'Work notes'));
  const list = h('div');

  async function load() {
    const notes = await latest(ctx, NOTES, 100);
    list.replaceChildren(table(t(ctx, `最近的工作备注（共 ${notes.total} 条）`, `Latest work notes (${notes.total} in all)`), [
      { label: t(ctx, '备注', 'Note'), value: (n) => n.text },
      { label: t(ctx, '网格', 'Grid'), value: (n) => n.gridCode },
      { label: t(ctx, '署名', 'Author'), value: (n) => n.author },
      { label: t(ctx, '记录时间', 'Recorded'), value: (n) => when(ctx, n.createdAt) },
    ], notes.items, t(ctx, '暂无备注', 'no notes yet')));
  }

  const add = canWrite(ctx) && form(t(ctx, '添加备注', 'Add a note'), [
    field(t(ctx, '备注内容', 'Note'), { name: 'text', control: 'textarea', required: true, maxlength: 500, rows: 2 }),
    field(t(ctx, '网格编码（可选）', 'Grid code (optional)'), { name: 'gridCode', inputmode: 'numeric', pattern: '[0-9]{6,17}' }),
    field(t(ctx, '署名（可选）', 'Author (optional)'), { name: 'author', maxlength: 40 }),
  ], t(ctx, '保存', 'Save'), async (values) => {
    await call(ctx, NOTES, 'POST', values);
    await load();
    return t(ctx, '备注已保存', 'Note saved');
  });

  view.add(add, list);
  view.run(load);
  return view.unmount;
}
