// Console page "three-linked-community/needs" (联需求): residents' needs as collected (names and phones
// masked by the plugin), and a form to register a need from a visit, the platform or the 直通车.
import { t, h, page, table, form, field, call, latest, places, canWrite, when } from '/console/plugins/kit/1/ui.js';

const KEY = 'three-linked-community/needs';
const NEEDS = 'plugins/three-linked-community/needs';
const CHANNELS = [['offline', '线下走访', 'Visit'], ['online', '线上平台', 'Online'], ['difficulty-line', '困难群众直通车', 'Hardship line']];
const URGENCY = [['normal', '一般', 'Normal'], ['pressing', '较急', 'Pressing'], ['urgent', '紧急', 'Urgent']];
const STATUS = {
  collected: ['已收集', 'Collected'], 'on-agenda': ['已上会', 'On the agenda'], decided: ['已议定', 'Decided'],
  published: ['已发布', 'Published'], matched: ['已接单', 'Matched'], delivered: ['已服务', 'Delivered'],
  closed: ['已办结', 'Closed'], declined: ['不予采纳', 'Declined'],
};

/**
 * @param {HTMLElement} el
 * @param {{tenant: string, locale: 'zh-CN'|'en', roles: string[],
 *          api: (path: string, init?: RequestInit) => Promise<Response>}} ctx
 * @returns {() => void}
 */
export function mount(el, ctx) {
  const view = page(el, KEY, t(ctx, '居民需求（联需求）', 'Residents\' needs'));
  const label = (pairs, wire) => { const p = pairs.find((x) => x[0] === wire); return p ? t(ctx, p[1], p[2]) : wire; };
  const list = h('div');
  const community = field(t(ctx, '社区', 'Community'), { name: 'community', control: 'select', required: true });

  async function load() {
    const needs = await latest(ctx, NEEDS, 100);
    list.replaceChildren(table(t(ctx, `最近的需求（共 ${needs.total} 条）`, `Latest needs (${needs.total} in all)`), [
      { label: t(ctx, '类别', 'Category'), value: (n) => n.category },
      { label: t(ctx, '需求', 'Need'), value: (n) => n.description },
      { label: t(ctx, '社区', 'Community'), value: (n) => n.community },
      { label: t(ctx, '渠道', 'Channel'), value: (n) => label(CHANNELS, n.channel) },
      { label: t(ctx, '紧急程度', 'Urgency'), value: (n) => label(URGENCY, n.urgency) },
      { label: t(ctx, '状态', 'Status'), value: (n) => (STATUS[n.status] ? t(ctx, ...STATUS[n.status]) : n.status) },
      { label: t(ctx, '收集时间', 'Collected'), value: (n) => when(ctx, n.collectedAt) },
    ], needs.items, t(ctx, '暂无需求', 'no needs yet')));
  }

  const collect = canWrite(ctx) && form(t(ctx, '登记需求', 'Register a need'), [
    community,
    field(t(ctx, '类别（如 社区养老）', 'Category (e.g. elderly care)'), { name: 'category', required: true, maxlength: 40 }),
    field(t(ctx, '需求描述', 'Description'), { name: 'description', control: 'textarea', required: true, maxlength: 2000, rows: 2 }),
    field(t(ctx, '渠道', 'Channel'), { name: 'channel', control: 'select', options: CHANNELS.map((c) => [c[0], t(ctx, c[1], c[2])]) }),
    field(t(ctx, '紧急程度', 'Urgency'), { name: 'urgency', control: 'select', options: URGENCY.map((u) => [u[0], t(ctx, u[1], u[2])]) }),
    field(t(ctx, '居民姓名（可选）', 'Resident\'s name (optional)'), { name: 'residentName', maxlength: 40, autocomplete: 'off' }),
    field(t(ctx, '居民电话（可选）', 'Resident\'s phone (optional)'), { name: 'residentPhone', type: 'tel', maxlength: 20, autocomplete: 'off' }),
  ], t(ctx, '登记', 'Register'), async (values) => {
    await call(ctx, NEEDS, 'POST', values);
    await load();
    return t(ctx, '需求已登记', 'Need registered');
  });

  view.add(collect, list);
  view.run(async () => {
    if (collect) {
      community.querySelector('select').replaceChildren(
        ...(await places(ctx, 'community')).map(([code, name]) => h('option', { value: code }, name)));
    }
    await load();
  });
  return view.unmount;
}
