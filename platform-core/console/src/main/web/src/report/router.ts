import { createRouter, createWebHistory } from 'vue-router'
import ReportPage from './views/ReportPage.vue'

/** The resident page's routes under /report/ (the servlet answers each with report/index.html). */
export const router = createRouter({
  history: createWebHistory('/report/'),
  routes: [
    { path: '/', name: 'choose', component: () => import('./views/ChooseDistrict.vue') },
    { path: '/:district/', name: 'report', component: ReportPage },
    { path: '/:district/mine', name: 'mine', component: () => import('./views/MyReports.vue') },
    { path: '/:district/mine/:id', name: 'detail', component: () => import('./views/ReportDetail.vue') },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
  scrollBehavior: () => ({ top: 0 }),
})
