// Console page "old-man-studios/sessions" (调解会): the mediation sessions held on the latest disputes,
// and a form to record a session of an assigned dispute (parties present, the elders who mediated).
import { t, h, page, table, form, field, call, latest, canWrite } from '/console/plugins/kit/1/ui.js';

const KEY = 'old-man-studios/sessions';
const DISPUTES = 'plugins/old-man-studios/disputes';

/**
 * @param {HTMLElement} el
 * @param {{tenant: string, locale: 'zh-CN'|'en', roles: string[],
 *          api: (path: string, init?: RequestInit) => Promise<Response>}} ctx
 * @returns {() => void}
 */
export function mount(el, ctx) {
  const view = page(el, KEY, t(ctx, '调解会', 'Mediation sessions'));
  const list = h('div');
  const dispute = field(t(ctx, '纠纷（已分派、调解中）', 'Dispute (assigned or mediating)'), { name: 'dispute', control: 'select', required: true });
  const split = (text) => (text ? text.split(/[,，、\n]+/).map((s) => s.trim()).filter(Boolean) : []);

  async function load() {
    const disputes = (await latest(ctx, DISPUTES, 200)).items;
    const sessions = disputes.flatMap((d) => (d.sessions || []).map((s) => ({ ...s, dispute: d })))
      .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
    list.replaceChildren(table(t(ctx, '最近纠纷的调解会', 'Sessions of the latest disputes'), [
      { label: t(ctx, '纠纷', 'Dispute'), value: (s) => s.dispute.description },
      { label: t(ctx, '第几次', 'No.'), value: (s) => s.no },
      { label: t(ctx, '日期', 'Date'), value: (s) => s.date },
      { label: t(ctx, '到场当事人', 'Parties present'), value: (s) => (s.partiesPresent || []).join('、') },
      { label: t(ctx, '调解员', 'Mediators'), value: (s) => (s.mediators || []).join('、') },
      { label: t(ctx, '专家', 'Experts'), value: (s) => (s.experts || []).map((x) => x.name).join('、') },
      { label: t(ctx, '记录', 'Notes'), value: (s) => s.notes },
    ], sessions, t(ctx, '暂无调解会', 'no sessions yet')));
    const open = disputes.filter((d) => d.allowedActions.includes('session'));
    dispute.querySelector('select').replaceChildren(...open.map((d) => h('option', { value: d.id },
      `${d.description.slice(0, 30)}（${(d.parties || []).map((p) => p.name).join('、')}）`)));
  }

  const record = canWrite(ctx) && form(t(ctx, '登记调解会', 'Record a session'), [
    dispute,
    field(t(ctx, '日期', 'Date'), { name: 'date', type: 'date', required: true }),
    field(t(ctx, '到场当事人（逗号分隔）', 'Parties present (comma-separated)'), { name: 'partiesPresent', required: true }),
    field(t(ctx, '调解员（逗号分隔）', 'Mediators (comma-separated)'), { name: 'mediators', required: true }),
    field(t(ctx, '记录（可选）', 'Notes (optional)'), { name: 'notes', control: 'textarea', maxlength: 5000, rows: 2 }),
  ], t(ctx, '登记', 'Record'), async ({ dispute: id, partiesPresent, mediators, ...rest }) => {
    await call(ctx, DISPUTES + '/' + encodeURIComponent(id || '') + '/sessions', 'POST',
      { ...rest, partiesPresent: split(partiesPresent), mediators: split(mediators) });
    await load();
    return t(ctx, '调解会已登记', 'Session recorded');
  });

  view.add(record, list);
  view.run(load);
  return view.unmount;
}
