// Console page "old-man-studios/studios" (老倌俚工作室): the villages' studios with their elder mediators,
// and a form to register a studio with its first elder.
import { t, h, page, table, form, field, call, places, canWrite } from '/console/plugins/kit/1/ui.js';

const KEY = 'old-man-studios/studios';
const STUDIOS = 'plugins/old-man-studios/studios';

/**
 * @param {HTMLElement} el
 * @param {{tenant: string, locale: 'zh-CN'|'en', roles: string[],
 *          api: (path: string, init?: RequestInit) => Promise<Response>}} ctx
 * @returns {() => void}
 */
export function mount(el, ctx) {
  const view = page(el, KEY, t(ctx, '老倌俚工作室', 'Old-man studios'));
  const list = h('div');
  const village = field(t(ctx, '所在村（社区）', 'Village'), { name: 'village', control: 'select', required: true });

  async function load() {
    const studios = await call(ctx, STUDIOS);
    list.replaceChildren(table(t(ctx, `工作室（共 ${studios.total} 个）`, `Studios (${studios.total})`), [
      { label: t(ctx, '工作室', 'Studio'), value: (s) => s.name },
      { label: t(ctx, '村（社区）', 'Village'), value: (s) => s.village },
      { label: t(ctx, '调解员', 'Elder mediators'), value: (s) => (s.mediators || [])
        .map((m) => t(ctx, `${m.name}（${m.standing}，${m.age}岁）`, `${m.name} (${m.standing}, ${m.age})`)).join(t(ctx, '；', '; ')) },
    ], studios.items, t(ctx, '尚无工作室', 'no studios yet')));
  }

  const register = canWrite(ctx) && form(t(ctx, '设立工作室（登记第一位调解员，其余可稍后补充）', 'Register a studio with its first elder'), [
    field(t(ctx, '工作室名称', 'Studio name'), { name: 'name', required: true, maxlength: 60 }),
    village,
    field(t(ctx, '调解员姓名', 'Elder\'s name'), { name: 'elder', required: true, maxlength: 30 }),
    field(t(ctx, '年龄', 'Age'), { name: 'age', type: 'number', min: 18, max: 120, required: true }),
    field(t(ctx, '身份（如 退休教师）', 'Standing (e.g. retired teacher)'), { name: 'standing', required: true, maxlength: 40 }),
    field(t(ctx, '电话', 'Phone'), { name: 'phone', type: 'tel', required: true, maxlength: 20 }),
  ], t(ctx, '登记', 'Register'), async ({ name, village: code, elder, age, standing, phone }) => {
    await call(ctx, STUDIOS, 'POST', { name, village: code,
      mediators: [{ name: elder, age: age === undefined ? undefined : Number(age), standing, phone }] });
    await load();
    return t(ctx, '工作室已登记', 'Studio registered');
  });

  view.add(register, list);
  view.run(async () => {
    if (register) {
      village.querySelector('select').replaceChildren(
        ...(await places(ctx, 'community')).map(([code, name]) => h('option', { value: code }, name)));
    }
    await load();
  });
  return view.unmount;
}
