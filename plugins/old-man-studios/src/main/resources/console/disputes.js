// Console page "old-man-studios/disputes" (矛盾纠纷): the latest disputes with their status and the studio
// or organisation they went to; registering a dispute, and assigning a registered one by the rule.
import { t, h, page, table, form, field, call, latest, places, canWrite, button, say } from '/console/plugins/kit/1/ui.js';

const KEY = 'old-man-studios/disputes';
const BASE = 'plugins/old-man-studios/';

/**
 * @param {HTMLElement} el
 * @param {{tenant: string, locale: 'zh-CN'|'en', roles: string[],
 *          api: (path: string, init?: RequestInit) => Promise<Response>}} ctx
 * @returns {() => void}
 */
export function mount(el, ctx) {
  const view = page(el, KEY, t(ctx, '矛盾纠纷', 'Disputes'));
  const list = h('div');
  const line = h('p', { role: 'status', 'aria-live': 'polite' });
  const type = field(t(ctx, '纠纷类型', 'Type'), { name: 'type', control: 'select' });
  const grid = field(t(ctx, '发生地网格', 'Grid'), { name: 'grid', control: 'select', required: true });
  /** wire → {zh, en} of types and statuses, from the plugin's vocabulary. */
  let words = { types: {}, statuses: {} };
  const word = (kind, wire) => (words[kind][wire] ? t(ctx, words[kind][wire].zh, words[kind][wire].en) : wire);

  /** Assigns a registered dispute to the studio of its village (or an organisation) by the rule. */
  async function assign(d) {
    try {
      const done = await call(ctx, BASE + 'disputes/' + encodeURIComponent(d.id) + '/assignment', 'POST', {});
      say(line, t(ctx, `已分派给 ${done.assignee.name}`, `Assigned to ${done.assignee.name}`), false);
      await load();
    } catch (e) {
      say(line, e.message, true);
    }
  }

  async function load() {
    const disputes = await latest(ctx, BASE + 'disputes', 100);
    list.replaceChildren(table(t(ctx, `最近的纠纷（共 ${disputes.total} 起）`, `Latest disputes (${disputes.total} in all)`), [
      { label: t(ctx, '纠纷', 'Dispute'), value: (d) => d.description },
      { label: t(ctx, '类型', 'Type'), value: (d) => word('types', d.type) },
      { label: t(ctx, '当事人', 'Parties'), value: (d) => (d.parties || []).map((p) => p.name).join('、') },
      { label: t(ctx, '网格', 'Grid'), value: (d) => d.grid },
      { label: t(ctx, '状态', 'Status'), value: (d) => word('statuses', d.status) },
      { label: t(ctx, '承办', 'Assigned to'), value: (d) => d.assignee && d.assignee.name },
      { label: t(ctx, '登记日期', 'Registered'), value: (d) => d.registeredOn },
      { label: t(ctx, '操作', 'Action'), value: (d) => (canWrite(ctx) && d.allowedActions.includes('assign') && !d.assignee
        ? button(t(ctx, '按规则分派', 'Assign by the rule'), { onclick: () => assign(d),
          'aria-label': t(ctx, '按规则分派：', 'Assign by the rule: ') + d.description })
        : '') },
    ], disputes.items, t(ctx, '暂无纠纷', 'no disputes yet')));
  }

  const registerForm = canWrite(ctx) && form(t(ctx, '登记纠纷', 'Register a dispute'), [
    field(t(ctx, '申请人', 'Applicant'), { name: 'applicant', required: true, maxlength: 30, autocomplete: 'off' }),
    field(t(ctx, '被申请人', 'Respondent'), { name: 'respondent', required: true, maxlength: 30, autocomplete: 'off' }),
    type,
    grid,
    field(t(ctx, '涉及金额（元，可选）', 'Value at stake (yuan, optional)'), { name: 'valueYuan', type: 'number', min: 0 }),
    field(t(ctx, '纠纷情况', 'Description'), { name: 'description', control: 'textarea', required: true, maxlength: 2000, rows: 2 }),
  ], t(ctx, '登记', 'Register'), async ({ applicant, respondent, valueYuan, ...rest }) => {
    await call(ctx, BASE + 'disputes', 'POST', { ...rest,
      valueYuan: valueYuan === undefined ? undefined : Number(valueYuan),
      parties: [{ name: applicant, role: 'applicant' }, { name: respondent, role: 'respondent' }] });
    await load();
    return t(ctx, '纠纷已登记', 'Dispute registered');
  });

  view.add(registerForm, line, list);
  view.run(async () => {
    const vocabulary = await call(ctx, BASE + 'vocabulary');
    const index = (items) => Object.fromEntries(items.map((w) => [w.id, w]));
    words = { types: index(vocabulary.disputeTypes), statuses: index(vocabulary.statuses) };
    if (registerForm) {
      type.querySelector('select').replaceChildren(...vocabulary.disputeTypes.map((w) => h('option', { value: w.id }, t(ctx, w.zh, w.en))));
      grid.querySelector('select').replaceChildren(
        ...(await places(ctx, 'grid')).map(([code, name]) => h('option', { value: code }, name)));
    }
    await load();
  });
  return view.unmount;
}
