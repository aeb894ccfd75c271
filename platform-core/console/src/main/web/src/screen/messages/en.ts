import type zh from './zh-CN'
import { shared } from '../../i18n/shared'

const en: typeof zh = {
  title: '{name} · Command centre',
  cityTitle: 'City governance centres · Command wall',
  choose: { heading: 'Command wall', intro: 'Choose the district the wall shows, or the city overview. Sign in with a wall-screen (screen viewer) account.', city: 'City overview', unavailable: 'No identity server is configured: signing in is not possible.' },
  loading: 'Loading the command wall…',
  failed: 'Figures unavailable: {detail}. Retrying shortly.',
  forbidden: 'This account may not view this wall. Sign in with the district’s screen-viewer account.',
  updated: 'Figures of {time}',
  language: 'Language',
  mode: { normal: 'Normal', wartime: 'Emergency', badge: 'Operating mode: {mode}' },
  live: { connecting: 'Connecting to live events…', open: 'Live', retrying: 'Reconnecting live events' },
  figures: {
    label: 'Key figures of today and this month',
    reportedToday: 'Reported today', dispatchedToday: 'Dispatched today', closedToday: 'Closed today', open: 'Open cases', overdue: 'Overdue', warning: 'Due soon',
    closureRate: 'Closure rate (month)', onTimeRate: 'On-time rate (month)', satisfaction: 'Satisfaction (month)', commandPost: 'Command post cases',
    ofDue: '{due} due', ofClosed: '{closed} closed', points: 'out of 5',
  },
  panel: {
    trend: 'Last 12 months', families: 'By category family', departments: 'Open and overdue by department', map: 'Open cases by grid', dispatch: 'Dispatch time today',
    grids: 'Grids by closure rate', top: 'Top five', bottom: 'Bottom five', feed: 'Live feed', plugins: 'District models', districts: 'Districts compared',
  },
  chart: {
    reported: 'Reported', closed: 'Closed', closureRate: 'Closure rate', open: 'Open', overdue: 'Overdue', today: 'Reported today',
    median: 'Median', p90: '90th percentile', target: 'Target', seconds: 's',
    trendAria: 'Cases reported and closed, and the closure rate, over the last 12 months. {list}',
    familiesAria: 'Cases reported and open by category family. {list}',
    departmentsAria: 'Open and overdue cases by department. {list}',
    dispatchAria: 'Report to dispatch today: median {median}, 90th percentile {p90}, target {target}.',
    districtsAria: 'Open, overdue and reported-today cases by district. {list}',
  },
  dispatch: { median: 'Median', p90: 'P90', target: 'Target {t}', within: '{n} of {count} within target', none: 'No dispatch yet today' },
  grids: { rate: '{rate} ({closed}/{due})', none: 'Nothing due this month yet', rank: 'No. {n}' },
  map: { outside: '{n} more open cases outside the drawn regions (no boundary or no grid)', back: 'Up one level', hint: 'Click a region to open it', legend: 'Open', aria: 'Map of open cases by region of {place}. {list}', none: 'This district has no grid boundaries' },
  feed: { empty: 'Waiting for case events…', aria: 'Live case events, newest first', grid: 'grid {grid}', dept: '{dept}', commandPost: 'Command post' },
  action: {
    report: 'New report', register: 'Registered', 'register-dispatch': 'Dispatched', reject: 'Rejected', dispatch: 'Dispatched', accept: 'Accepted', return: 'Returned',
    feedback: 'Fed back', 'verify-pass': 'Verified', 'verify-fail': 'Verification failed', postpone: 'Postponed', resume: 'Resumed', close: 'Closed',
    evaluate: 'Rated', reopen: 'Reopened', progress: 'Progress', comment: 'Comment', 'command-post': 'Sent by the command post',
  },
  family: { 'city-management': 'City mgmt', livelihood: 'Livelihood', 'comprehensive-governance': 'Governance' },
  channel: shared.en.channel,
  wartime: {
    header: 'Emergency · Command post', reason: 'Reason: {reason}', since: 'Since {time} · {elapsed}', by: 'Switched by {who}',
    roster: 'Duty roster', post: 'Post', name: 'Name', phone: 'Phone', shift: 'Shift', offDuty: 'off shift', noRoster: 'Nobody on the roster',
    commandPost: 'Command post cases', noCommandPost: 'No command post cases', districts: '{n} district(s) in emergency mode',
  },
  city: { totals: 'City total', districts: 'Districts', mode: 'Mode', open: 'Open', overdue: 'Overdue', today: 'Reported today', closedToday: 'Closed today', dispatchedToday: 'Dispatched today', closureRate: 'Closure', onTimeRate: 'On time', dispatch: 'Dispatch median / P90' },
  plugin: { failed: 'The panel “{name}” is unavailable' },
}

export default en
