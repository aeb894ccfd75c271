// Console page "three-colour-grid/roster" (一格八员花名册): the eight roles of a grid, who fills them,
// which are still missing, and a form to put a person on the roster.
import { t, h, page, table, form, field, call, places, canWrite, say } from '/console/plugins/kit/1/ui.js';

const KEY = 'three-colour-grid/roster';
const BASE = 'plugins/three-colour-grid/grids/';
/** The eight roles: wire name, zh-CN, English. The last four come from departments. */
const ROLES = [
  ['PARTY_MEMBER', '在职党员', 'Serving party member'], ['LOCAL_SAGE', '乡贤', 'Local sage'],
  ['VOLUNTEER', '志愿者', 'Volunteer'], ['PUBLIC_REPRESENTATIVE', '群众代表', 'Public representative'],
  ['LEGAL', '法治', 'Legal'], ['CITY_MANAGEMENT', '城市管理', 'City management'],
  ['MARKET_SUPERVISION', '市场监管', 'Market supervision'], ['FIRE_SAFETY', '消防安全', 'Fire safety'],
];

/**
 * @param {HTMLElement} el
 * @param {{tenant: string, locale: 'zh-CN'|'en', roles: string[],
 *          api: (path: string, init?: RequestInit) => Promise<Response>}} ctx
 * @returns {() => void}
 */
export function mount(el, ctx) {
  const view = page(el, KEY, t(ctx, '一格八员花名册', 'Grid rosters'));
  const roleName = (wire) => { const r = ROLES.find((x) => x[0] === wire); return r ? t(ctx, r[1], r[2]) : wire; };
  const picker = field(t(ctx, '网格', 'Grid'), { control: 'select', name: 'grid' });
  const select = picker.querySelector('select');
  const list = h('div', { 'aria-live': 'polite' });

  async function load() {
    if (!select.value) return;
    const roster = await call(ctx, BASE + encodeURIComponent(select.value) + '/roster');
    const missing = roster.missingRoles.map(roleName).join('、');
    list.replaceChildren(
      table(t(ctx, `网格 ${roster.gridCode} 的花名册`, `Roster of grid ${roster.gridCode}`), [
        { label: t(ctx, '角色', 'Role'), value: (m) => t(ctx, m.roleZh, m.roleEn) },
        { label: t(ctx, '姓名', 'Name'), value: (m) => m.name },
        { label: t(ctx, '编号', 'Member id'), value: (m) => m.memberId },
        { label: t(ctx, '电话', 'Phone'), value: (m) => m.phone },
        { label: t(ctx, '所属部门', 'Department'), value: (m) => m.departmentCode },
      ], roster.members, t(ctx, '尚无人员', 'nobody yet')),
      h('p', { style: { color: missing ? 'var(--el-color-warning)' : 'var(--el-color-success)' } },
        missing ? t(ctx, '缺员角色：', 'Roles still missing: ') + missing : t(ctx, '八员齐全', 'All eight roles are filled')));
  }

  const put = canWrite(ctx) && form(t(ctx, '登记人员（同一编号再次登记即替换）', 'Put a person on the roster (the same id replaces)'), [
    field(t(ctx, '人员编号', 'Member id'), { name: 'memberId', required: true, maxlength: 40, pattern: '[A-Za-z0-9._-]{1,40}' }),
    field(t(ctx, '姓名', 'Name'), { name: 'name', required: true, maxlength: 40 }),
    field(t(ctx, '角色', 'Role'), { name: 'role', control: 'select', options: ROLES.map((r) => [r[0], t(ctx, r[1], r[2])]) }),
    field(t(ctx, '电话（可选）', 'Phone (optional)'), { name: 'phone', type: 'tel', maxlength: 20 }),
  ], t(ctx, '登记', 'Save'), async ({ memberId, ...body }) => {
    await call(ctx, BASE + encodeURIComponent(select.value) + '/roster/' + encodeURIComponent(memberId || ''), 'PUT', body);
    await load();
    return t(ctx, '已登记', 'Saved');
  });

  select.addEventListener('change', () => view.run(load));
  view.add(h('div', { style: { 'max-width': '420px', 'margin-bottom': '12px' } }, picker), put, list);
  view.run(async () => {
    const grids = await places(ctx, 'grid');
    select.replaceChildren(...grids.map(([code, name]) => h('option', { value: code }, name)));
    if (grids.length === 0) say(list, t(ctx, '本区没有网格', 'The district has no grids'), true);
    await load();
  });
  return view.unmount;
}
