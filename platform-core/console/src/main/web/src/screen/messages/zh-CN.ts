import { shared } from '../../i18n/shared'

/** The big screen's words (zh-CN first; en.ts has the same keys, checked by its type). */
export default {
  title: '{name} · 综治中心指挥大屏',
  cityTitle: '全市综治中心 · 指挥大屏',
  choose: { heading: '指挥大屏', intro: '选择要在大屏上显示的区，或全市总览。请使用“大屏观看”账号登录。', city: '全市总览', unavailable: '未配置身份服务，无法登录。' },
  loading: '正在加载指挥大屏…',
  failed: '数据暂不可用：{detail}。稍后自动重试。',
  forbidden: '此账号无权查看本大屏。请使用本区“大屏观看”账号登录。',
  updated: '数据更新 {time}',
  language: '语言',
  mode: { normal: '平时', wartime: '战时', badge: '运行模式：{mode}' },
  live: { connecting: '连接实时动态…', open: '实时', retrying: '实时动态重连中' },
  figures: {
    label: '今日与本月主要指标',
    reportedToday: '今日上报', dispatchedToday: '今日派遣', closedToday: '今日结案', open: '在办案件', overdue: '超期案件', warning: '即将超期',
    closureRate: '本月结案率', onTimeRate: '本月按期办结率', satisfaction: '本月满意度', commandPost: '指挥部案件',
    ofDue: '应办 {due} 件', ofClosed: '结案 {closed} 件', points: '5 分制',
  },
  panel: {
    trend: '近 12 个月趋势', families: '按大类', departments: '各部门在办与超期', map: '网格在办案件', dispatch: '今日派遣时效',
    grids: '网格结案率排名', top: '前五名', bottom: '后五名', feed: '实时动态', plugins: '治理模式', districts: '各区对比',
  },
  chart: {
    reported: '上报', closed: '结案', closureRate: '结案率', open: '在办', overdue: '超期', today: '今日上报',
    median: '中位用时', p90: '90% 用时', target: '目标', seconds: '秒',
    trendAria: '近 12 个月上报与结案案件数及结案率。{list}',
    familiesAria: '各大类上报与在办案件数。{list}',
    departmentsAria: '各部门在办与超期案件数。{list}',
    dispatchAria: '今日上报到派遣用时：中位 {median}，90% 用时 {p90}，目标 {target}。',
    districtsAria: '各区在办、超期与今日上报案件数。{list}',
  },
  dispatch: { median: '中位', p90: '90%', target: '目标 {t}', within: '达标 {n} / {count} 件', none: '今日尚无派遣' },
  grids: { rate: '{rate}（{closed}/{due}）', none: '本月尚无应办案件', rank: '第 {n} 名' },
  map: { outside: '另有 {n} 件在办案件不在图中区域（网格无边界或未定位）', back: '返回上一级', hint: '点击区域进入下一级', legend: '在办', aria: '{place}各区域在办案件数地图。{list}', none: '本区没有网格边界数据' },
  feed: { empty: '等待新的案件动态…', aria: '实时案件动态，最新在上', grid: '网格 {grid}', dept: '{dept}', commandPost: '指挥部' },
  action: {
    report: '新上报', register: '立案', 'register-dispatch': '立案派遣', reject: '不予立案', dispatch: '派遣', accept: '受理', return: '退回',
    feedback: '反馈', 'verify-pass': '核查通过', 'verify-fail': '核查不通过', postpone: '延期', resume: '恢复', close: '结案',
    evaluate: '评价', reopen: '重办', progress: '进展', comment: '备注', 'command-post': '指挥部直派',
  },
  family: { 'city-management': '城市管理', livelihood: '民生服务', 'comprehensive-governance': '综合治理' },
  channel: shared['zh-CN'].channel,
  wartime: {
    header: '战时 · 指挥部', reason: '事由：{reason}', since: '{time} 起 · 已持续 {elapsed}', by: '启动人 {who}',
    roster: '值班表', post: '岗位', name: '姓名', phone: '电话', shift: '时段', offDuty: '不在班', noRoster: '未登记值班人员',
    commandPost: '指挥部直办案件', noCommandPost: '暂无指挥部案件', districts: '{n} 个区处于战时',
  },
  city: { totals: '全市合计', districts: '各区', mode: '模式', open: '在办', overdue: '超期', today: '今日上报', closedToday: '今日结案', dispatchedToday: '今日派遣', closureRate: '结案率', onTimeRate: '按期率', dispatch: '派遣中位 / 90%' },
  plugin: { failed: '“{name}”面板暂不可用' },
}
