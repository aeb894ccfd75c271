// Console page "three-colour-grid/consultations" (部门会商记录): the district's consultations, and a form
// to record one for a red (key/difficult) case, which needs it before verification or closing.
import { t, h, page, table, form, field, call, latest, canWrite, when } from '/console/plugins/kit/1/ui.js';

const KEY = 'three-colour-grid/consultations';
const BASE = 'plugins/three-colour-grid/';
/** Statuses in which a red case may still need its consultation. */
const OPEN = ['dispatched', 'handling', 'postponed', 'feedback'];

/**
 * @param {HTMLElement} el
 * @param {{tenant: string, locale: 'zh-CN'|'en', roles: string[],
 *          api: (path: string, init?: RequestInit) => Promise<Response>}} ctx
 * @returns {() => void}
 */
export function mount(el, ctx) {
  const view = page(el, KEY, t(ctx, '部门会商记录', 'Consultations'));
  const list = h('div');
  const caseField = field(t(ctx, '红色（重点难点）案件', 'Red (key/difficult) case'), { name: 'caseId', control: 'select', required: true });
  const split = (text) => (text ? text.split(/[,，、\n]+/).map((s) => s.trim()).filter(Boolean) : []);
  let cases = [];

  async function load() {
    const found = await latest(ctx, BASE + 'consultations', 100);
    list.replaceChildren(table(t(ctx, `最近的会商（共 ${found.total} 次）`, `Latest consultations (${found.total} in all)`), [
      { label: t(ctx, '会商日期', 'Date'), value: (c) => c.date },
      { label: t(ctx, '网格', 'Grid'), value: (c) => c.gridCode },
      { label: t(ctx, '牵头部门', 'Lead'), value: (c) => c.leadDepartment },
      { label: t(ctx, '责任部门', 'Co-responsible'), value: (c) => (c.coDepartments || []).join('、') },
      { label: t(ctx, '参会人员', 'Participants'), value: (c) => (c.participants || []).join('、') },
      { label: t(ctx, '结论', 'Conclusion'), value: (c) => c.conclusion },
      { label: t(ctx, '跟进期限', 'Follow up by'), value: (c) => c.followUpBy },
      { label: t(ctx, '登记时间', 'Recorded'), value: (c) => when(ctx, c.recordedAt) },
    ], found.items, t(ctx, '暂无会商记录', 'no consultations yet')));
  }

  /** Red cases still open, for the form's select. */
  async function redCases() {
    const pages = await Promise.all(OPEN.map((s) => call(ctx, 'cases?status=' + s + '&limit=200')));
    cases = pages.flatMap((p) => p.items)
      .filter((c) => c.triage && c.triage.attributes && c.triage.attributes.colour === 'red');
    const select = caseField.querySelector('select');
    select.replaceChildren(...cases.map((c) => h('option', { value: c.id }, `${c.number} ${c.title}`)));
    if (cases.length === 0) select.append(h('option', { value: '' }, t(ctx, '没有待会商的红色案件', 'no open red case')));
  }

  const record = canWrite(ctx) && form(t(ctx, '登记会商', 'Record a consultation'), [
    caseField,
    field(t(ctx, '会商日期', 'Date'), { name: 'date', type: 'date', required: true }),
    field(t(ctx, '牵头部门编码', 'Lead department code'), { name: 'leadDepartment', required: true, maxlength: 20 }),
    field(t(ctx, '责任部门编码（逗号分隔）', 'Co-responsible department codes (comma-separated)'), { name: 'coDepartments', required: true }),
    field(t(ctx, '参会人员（逗号分隔）', 'Participants (comma-separated)'), { name: 'participants', required: true }),
    field(t(ctx, '会商结论', 'Conclusion'), { name: 'conclusion', control: 'textarea', required: true, maxlength: 2000, rows: 2 }),
    field(t(ctx, '跟进期限（可选）', 'Follow up by (optional)'), { name: 'followUpBy', type: 'date' }),
  ], t(ctx, '登记', 'Record'), async ({ caseId, coDepartments, participants, ...rest }) => {
    const kase = cases.find((c) => c.id === caseId);
    await call(ctx, BASE + 'cases/' + encodeURIComponent(caseId || '') + '/consultations', 'POST', {
      ...rest, gridCode: kase && kase.gridCode, coDepartments: split(coDepartments), participants: split(participants) });
    await load();
    return t(ctx, '会商记录已登记', 'Consultation recorded');
  });

  view.add(record, list);
  view.run(async () => {
    await load();
    if (record) await redCases();
  });
  return view.unmount;
}
