// Console page "three-colour-grid/whistles" (网格吹哨): the latest whistles with who has and has not
// responded, and a form to blow a whistle from a grid (吹哨报到).
import { t, h, page, table, form, field, call, latest, places, canWrite, when } from '/console/plugins/kit/1/ui.js';

const KEY = 'three-colour-grid/whistles';
const WHISTLES = 'plugins/three-colour-grid/whistles';
const URGENCY = [['normal', '一般', 'Normal'], ['urgent', '紧急', 'Urgent'], ['critical', '特急', 'Critical']];

/**
 * @param {HTMLElement} el
 * @param {{tenant: string, locale: 'zh-CN'|'en', roles: string[],
 *          api: (path: string, init?: RequestInit) => Promise<Response>}} ctx
 * @returns {() => void}
 */
export function mount(el, ctx) {
  const view = page(el, KEY, t(ctx, '网格吹哨', 'Grid whistles'));
  const urgency = (wire) => { const u = URGENCY.find((x) => x[0] === wire); return u ? t(ctx, u[1], u[2]) : wire; };
  const list = h('div');
  const gridField = field(t(ctx, '网格', 'Grid'), { name: 'gridCode', control: 'select' });

  async function load() {
    const whistles = await latest(ctx, WHISTLES, 100);
    list.replaceChildren(table(t(ctx, `最近的吹哨（共 ${whistles.total} 次）`, `Latest whistles (${whistles.total} in all)`), [
      { label: t(ctx, '事项', 'Issue'), value: (w) => w.summary },
      { label: t(ctx, '网格', 'Grid'), value: (w) => w.gridCode },
      { label: t(ctx, '紧急程度', 'Urgency'), value: (w) => urgency(w.urgency) },
      { label: t(ctx, '吹哨时间', 'Blown at'), value: (w) => when(ctx, w.blownAt) },
      { label: t(ctx, '已响应', 'Responded'), value: (w) => `${w.responded.length} / ${w.responses.length}` },
      { label: t(ctx, '首次响应用时', 'First response'),
        value: (w) => (w.secondsToFirstResponse == null ? '—' : Math.round(w.secondsToFirstResponse / 60) + t(ctx, ' 分钟', ' min')) },
      { label: t(ctx, '处置', 'Done'), value: (w) => (w.allDone ? t(ctx, '全部处置', 'all done') : t(ctx, '处置中', 'in progress')) },
    ], whistles.items, t(ctx, '暂无吹哨', 'no whistles yet')));
  }

  const blow = canWrite(ctx) && form(t(ctx, '吹哨：通知本网格人员和职能部门', 'Blow a whistle: call the grid\'s people and departments'), [
    gridField,
    field(t(ctx, '事项', 'Issue'), { name: 'summary', control: 'textarea', required: true, maxlength: 500, rows: 2 }),
    field(t(ctx, '紧急程度', 'Urgency'), { name: 'urgency', control: 'select', options: URGENCY.map((u) => [u[0], t(ctx, u[1], u[2])]) }),
    field(t(ctx, '职能部门编码（可选，逗号分隔）', 'Department codes (optional, comma-separated)'), { name: 'departments', maxlength: 200 }),
  ], t(ctx, '吹哨', 'Blow the whistle'), async ({ departments, ...body }) => {
    const codes = departments ? departments.split(/[,，\s]+/).filter(Boolean) : undefined;
    const whistle = await call(ctx, WHISTLES, 'POST', { ...body, departments: codes });
    await load();
    return t(ctx, `已吹哨，通知 ${whistle.responses.length} 方`, `Whistle blown; ${whistle.responses.length} notified`);
  });

  view.add(blow, list);
  view.run(async () => {
    if (blow) {
      const select = gridField.querySelector('select');
      select.replaceChildren(...(await places(ctx, 'grid')).map(([code, name]) => h('option', { value: code }, name)));
    }
    await load();
  });
  return view.unmount;
}
