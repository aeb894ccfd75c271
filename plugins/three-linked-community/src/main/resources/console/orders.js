// Console page "three-linked-community/orders" (服务订单): orders published from decided needs, who took
// them, delivery and rating; and a form to publish an order from decided needs of one community.
import { t, h, page, table, form, field, call, latest, canWrite, when } from '/console/plugins/kit/1/ui.js';

const KEY = 'three-linked-community/orders';
const BASE = 'plugins/three-linked-community/';
const STATUS = {
  published: ['已发布', 'Published'], taken: ['已接单', 'Taken'], delivered: ['已服务', 'Delivered'], rated: ['已评价', 'Rated'],
};

/**
 * @param {HTMLElement} el
 * @param {{tenant: string, locale: 'zh-CN'|'en', roles: string[],
 *          api: (path: string, init?: RequestInit) => Promise<Response>}} ctx
 * @returns {() => void}
 */
export function mount(el, ctx) {
  const view = page(el, KEY, t(ctx, '服务订单（联服务）', 'Service orders'));
  const list = h('div');
  const needs = field(t(ctx, '已议定的需求（同一社区，可多选）', 'Decided needs (one community; several allowed)'),
    { name: 'needIds', control: 'select', multiple: true, required: true, size: 5 });

  async function load() {
    const orders = await latest(ctx, BASE + 'orders', 100);
    list.replaceChildren(table(t(ctx, `最近的订单（共 ${orders.total} 个）`, `Latest orders (${orders.total} in all)`), [
      { label: t(ctx, '订单', 'Order'), value: (o) => o.title },
      { label: t(ctx, '社区', 'Community'), value: (o) => o.community },
      { label: t(ctx, '需求数', 'Needs'), value: (o) => o.needIds.length },
      { label: t(ctx, '状态', 'Status'), value: (o) => (STATUS[o.status] ? t(ctx, ...STATUS[o.status]) : o.status) },
      { label: t(ctx, '接单方', 'Taken by'), value: (o) => o.taker && o.taker.name },
      { label: t(ctx, '受益人次', 'Beneficiaries'), value: (o) => o.beneficiaries },
      { label: t(ctx, '评分', 'Rating'), value: (o) => o.rating && `${o.rating.score} / 5` },
      { label: t(ctx, '发布时间', 'Published'), value: (o) => when(ctx, o.publishedAt) },
    ], orders.items, t(ctx, '暂无订单', 'no orders yet')));
  }

  async function decidedNeeds() {
    const decided = await call(ctx, BASE + 'needs?status=decided&limit=500');
    needs.querySelector('select').replaceChildren(...decided.items.map((n) =>
      h('option', { value: n.id }, `${n.community} · ${n.category} · ${n.description.slice(0, 30)}`)));
  }

  const publish = canWrite(ctx) && form(t(ctx, '发布订单', 'Publish an order'), [
    needs,
    field(t(ctx, '订单名称', 'Title'), { name: 'title', required: true, maxlength: 100 }),
    field(t(ctx, '服务领域（可选）', 'Service area (optional)'), { name: 'serviceArea', maxlength: 40 }),
    field(t(ctx, '说明（可选）', 'Description (optional)'), { name: 'description', control: 'textarea', maxlength: 2000, rows: 2 }),
  ], t(ctx, '发布', 'Publish'), async ({ needIds, ...rest }) => {
    await call(ctx, BASE + 'orders', 'POST', { ...rest, needIds: [].concat(needIds ?? []) });
    await Promise.all([load(), decidedNeeds()]);
    return t(ctx, '订单已发布', 'Order published');
  });

  view.add(publish, list);
  view.run(async () => {
    await load();
    if (publish) await decidedNeeds();
  });
  return view.unmount;
}
