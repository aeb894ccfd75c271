import { createApp } from 'vue'
import './screen.css'
import ScreenApp from './ScreenApp.vue'
import { i18n } from './i18n'

createApp(ScreenApp).use(i18n).mount('#app')
