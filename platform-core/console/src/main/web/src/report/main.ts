import { createApp } from 'vue'
import { useElements } from './elements'
import './report.css'
import ReportApp from './ReportApp.vue'
import { router } from './router'
import { i18n } from './i18n'

const app = createApp(ReportApp).use(i18n).use(router)
useElements(app)
app.mount('#app')
