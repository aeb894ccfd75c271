import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router'
import { ensureSignedIn, session, signInInfo } from './auth/session'
import { homeRoute, mayUseConsole } from './lib/roles'
import StartPage from './views/StartPage.vue'
import ConsoleShell from './views/ConsoleShell.vue'

/** The realm a route signs in to: the city realm under /city, else the district's own. */
async function realmOf(to: RouteLocationNormalized): Promise<string | null> {
  if (to.matched.some((r) => r.meta.city)) return (await signInInfo()).cityRealm
  const district = to.params.district
  return typeof district === 'string' ? district : null
}

export const router = createRouter({
  history: createWebHistory('/console/'),
  // a new page starts at its top (its actions are there); back and forward return to where the reader was;
  // a change of query only (filters, paging) keeps the place
  scrollBehavior(to, from, saved) {
    if (saved) return saved
    if (to.path === from.path) return false
    return { top: 0 }
  },
  routes: [
    { path: '/', name: 'start', component: StartPage },
    {
      path: '/city',
      component: ConsoleShell,
      meta: { city: true, signIn: true },
      children: [
        { path: '', name: 'city-home', redirect: { name: 'city-districts' } },
        { path: 'districts', name: 'city-districts', component: () => import('./views/city/CityDistricts.vue') },
        { path: 'kpis', name: 'city-kpis', component: () => import('./views/city/CityKpis.vue') },
        { path: 'reports', name: 'city-reports', component: () => import('./views/city/CityReports.vue') },
        { path: 'escalations', name: 'city-escalations', component: () => import('./views/city/CityEscalations.vue') },
        { path: 'cases', name: 'city-cases', component: () => import('./views/city/CityCases.vue') },
        // 市级接管: the case page under the city realm, for a case of any district
        { path: 'cases/:district/:id', name: 'city-case', component: () => import('./views/CasePage.vue'), props: true },
      ],
    },
    {
      path: '/:district([a-z][a-z0-9-]*)',
      component: ConsoleShell,
      meta: { signIn: true },
      children: [
        { path: '', name: 'district-home', component: StartPage },
        { path: 'cases', name: 'inbox', component: () => import('./views/InboxPage.vue') },
        { path: 'cases/:id', name: 'case', component: () => import('./views/CasePage.vue'), props: true },
        { path: 'new', name: 'new-case', component: () => import('./views/NewCasePage.vue') },
        { path: 'kpis', name: 'kpis', component: () => import('./views/admin/KpiPage.vue') },
        { path: 'reports', name: 'reports', component: () => import('./views/admin/ReportsPage.vue') },
        { path: 'dispatches', name: 'dispatches', component: () => import('./views/admin/DispatchesPage.vue') },
        { path: 'callbacks', name: 'callbacks', component: () => import('./views/admin/CallbacksPage.vue') },
        { path: 'posters', name: 'posters', component: () => import('./views/admin/PostersPage.vue') },
        { path: 'supervision', name: 'supervision', component: () => import('./views/admin/SupervisionPage.vue') },
        { path: 'notifications', name: 'notifications', component: () => import('./views/admin/NotificationsPage.vue') },
        { path: 'incoming-transfers', name: 'incoming-transfers', component: () => import('./views/admin/IncomingTransfersPage.vue') },
        { path: 'notification-templates', name: 'notification-templates', component: () => import('./views/admin/NotificationTemplatesPage.vue') },
        { path: 'people', name: 'people', component: () => import('./views/admin/PeoplePage.vue') },
        { path: 'responsibility-list', name: 'responsibility-list', component: () => import('./views/admin/ResponsibilityListPage.vue') },
        { path: 'p/:model/:page', name: 'plugin-page', component: () => import('./views/PluginPage.vue'), props: true },
        { path: 'staff-only', name: 'no-console', component: () => import('./views/NoConsole.vue') },
      ],
    },
    { path: '/:rest(.*)*', redirect: { name: 'start' } },
  ],
})

router.beforeEach(async (to) => {
  if (!to.matched.some((r) => r.meta.signIn)) return true
  const realm = await realmOf(to)
  if (!realm) return { name: 'start' }
  await ensureSignedIn(realm, router.resolve({ ...to, hash: '' }).href)
  // Keycloak's answer (code, state) came in the fragment; it is spent, keep it out of the address bar
  if (/(^|[#&])(state|code|session_state)=/.test(to.hash)) return { ...to, hash: '', replace: true }
  if (!mayUseConsole(session.roles) && to.name !== 'no-console') {
    return { name: 'no-console', params: { district: to.params.district ?? realm } }
  }
  if (to.name === 'district-home') {
    return { name: homeRoute(session.roles), params: to.params }
  }
  // the city centre's dispatcher has no district administration: its city home is the districts' cases
  if (to.name === 'city-districts' && homeRoute(session.roles) === 'city-cases') return { name: 'city-cases' }
  return true
})
