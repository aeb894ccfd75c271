// Console page "three-linked-community/meeting" (百姓管家): the communities' quarterly meetings and their
// agendas built from residents' needs; convening one, recording who attended, deciding an item.
import { t, h, page, table, form, field, call, places, canWrite } from '/console/plugins/kit/1/ui.js';

const KEY = 'three-linked-community/meeting';
const MEETINGS = 'plugins/three-linked-community/meetings';
const STATUS = { scheduled: ['待召开', 'Scheduled'], held: ['已召开', 'Held'], concluded: ['已议结', 'Concluded'] };
const URGENCY = { normal: ['一般', 'Normal'], pressing: ['较急', 'Pressing'], urgent: ['紧急', 'Urgent'] };
const DECISIONS = [['take-on', '采纳', 'Take on'], ['decline', '不予采纳', 'Decline'], ['defer', '顺延至下季度', 'Defer to next quarter']];

/** This quarter in Asia/Shanghai, e.g. 2026-Q4. */
function thisQuarter() {
  const [year, month] = new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Shanghai' }).split('-').map(Number);
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/**
 * @param {HTMLElement} el
 * @param {{tenant: string, locale: 'zh-CN'|'en', roles: string[],
 *          api: (path: string, init?: RequestInit) => Promise<Response>}} ctx
 * @returns {() => void}
 */
export function mount(el, ctx) {
  const view = page(el, KEY, t(ctx, '百姓管家议事会', 'Residents\' steward meetings'));
  const status = (s) => (STATUS[s] ? t(ctx, ...STATUS[s]) : s);
  const decision = (d) => { const x = DECISIONS.find((p) => p[0] === d); return x ? t(ctx, x[1], x[2]) : '—'; };
  const meetings = h('div');
  const agenda = h('div');
  const pick = field(t(ctx, '查看议程', 'Show the agenda of'), { control: 'select', name: 'meeting' });
  const select = pick.querySelector('select');
  const community = field(t(ctx, '社区', 'Community'), { name: 'community', control: 'select', required: true });
  let all = [];

  async function load() {
    all = await call(ctx, MEETINGS);
    meetings.replaceChildren(table(t(ctx, '议事会', 'Meetings'), [
      { label: t(ctx, '社区·季度', 'Community · quarter'), value: (m) => `${m.community} · ${m.quarter}` },
      { label: t(ctx, '状态', 'Status'), value: (m) => status(m.status) },
      { label: t(ctx, '计划日期', 'Scheduled on'), value: (m) => m.scheduledOn },
      { label: t(ctx, '召开日期', 'Held on'), value: (m) => m.heldOn },
      { label: t(ctx, '参会人数', 'Attendees'), value: (m) => m.attendees.length },
      { label: t(ctx, '议题（已议定）', 'Items (decided)'), value: (m) => `${m.agenda.length} (${m.agenda.filter((i) => i.decision).length})` },
    ], all, t(ctx, '尚未召开议事会', 'no meetings yet')));
    const chosen = select.value;
    select.replaceChildren(...all.map((m) => h('option', { value: m.id }, `${m.community} · ${m.quarter}`)));
    if (all.some((m) => m.id === chosen)) select.value = chosen;
    showAgenda();
  }

  function showAgenda() {
    const m = all.find((x) => x.id === select.value);
    agenda.replaceChildren(m ? table(t(ctx, `${m.community} ${m.quarter} 议程`, `Agenda of ${m.community} ${m.quarter}`), [
      { label: t(ctx, '序号', 'No.'), value: (i) => i.number },
      { label: t(ctx, '类别', 'Category'), value: (i) => i.category },
      { label: t(ctx, '需求数', 'Needs'), value: (i) => i.needCount },
      { label: t(ctx, '直通车', 'Hardship line'), value: (i) => i.difficultyLineCount },
      { label: t(ctx, '最高紧急程度', 'Top urgency'), value: (i) => (URGENCY[i.topUrgency] ? t(ctx, ...URGENCY[i.topUrgency]) : i.topUrgency) },
      { label: t(ctx, '决定', 'Decision'), value: (i) => decision(i.decision) },
      { label: t(ctx, '理由', 'Reason'), value: (i) => i.reason },
    ], m.agenda, t(ctx, '议程为空', 'the agenda is empty')) : '');
  }

  /** POST to the selected meeting, then reload. */
  const act = async (path, body, done) => {
    await call(ctx, MEETINGS + '/' + encodeURIComponent(select.value) + path, 'POST', body);
    await load();
    return done;
  };
  const forms = canWrite(ctx) ? [
    form(t(ctx, '召开议事会（按本季度需求生成议程）', 'Convene a meeting (its agenda comes from the quarter\'s needs)'), [
      community,
      field(t(ctx, '季度', 'Quarter'), { name: 'quarter', required: true, value: thisQuarter(), pattern: '[0-9]{4}-Q[1-4]' }),
      field(t(ctx, '计划日期', 'Scheduled on'), { name: 'scheduledOn', type: 'date', required: true }),
    ], t(ctx, '召开', 'Convene'), async (values) => {
      const m = await call(ctx, MEETINGS, 'POST', values);
      await load();
      select.value = m.id;
      showAgenda();
      return t(ctx, `已生成议程：${m.agenda.length} 个议题`, `Agenda built: ${m.agenda.length} items`);
    }),
    form(t(ctx, '登记召开（所选议事会）', 'Record attendance (selected meeting)'), [
      field(t(ctx, '召开日期', 'Held on'), { name: 'heldOn', type: 'date', required: true }),
      field(t(ctx, '参会人员（每行“姓名：身份”）', 'Attendees (one "name: role" per line)'), { name: 'attendees', control: 'textarea', required: true, rows: 3 }),
    ], t(ctx, '登记', 'Record'), ({ heldOn, attendees }) => act('/attendance', {
      heldOn, attendees: (attendees || '').split('\n').filter((l) => l.trim()).map((l) => {
        const [name, ...role] = l.split(/[:：]/);
        return { name: name.trim(), role: role.join(':').trim() };
      }) }, t(ctx, '已登记召开', 'Attendance recorded'))),
    form(t(ctx, '议定议题（所选议事会）', 'Decide an item (selected meeting)'), [
      field(t(ctx, '议题序号', 'Item number'), { name: 'item', type: 'number', min: 1, required: true }),
      field(t(ctx, '决定', 'Decision'), { name: 'decision', control: 'select', options: DECISIONS.map((d) => [d[0], t(ctx, d[1], d[2])]) }),
      field(t(ctx, '理由（不予采纳时必填）', 'Reason (required to decline)'), { name: 'reason', maxlength: 500 }),
    ], t(ctx, '议定', 'Decide'), ({ item, ...rest }) => act('/decisions', { ...rest, item: Number(item) },
      t(ctx, '已议定', 'Decided'))),
  ] : [];

  select.addEventListener('change', showAgenda);
  view.add(forms[0] ?? null, meetings, h('div', { style: { 'max-width': '420px' } }, pick), agenda, forms[1] ?? null, forms[2] ?? null);
  view.run(async () => {
    if (forms.length) {
      community.querySelector('select').replaceChildren(
        ...(await places(ctx, 'community')).map(([code, name]) => h('option', { value: code }, name)));
    }
    await load();
  });
  return view.unmount;
}
