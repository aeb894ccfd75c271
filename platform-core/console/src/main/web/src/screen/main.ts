import { createApp } from 'vue'
import './screen.css'
import ScreenApp from './ScreenApp.vue'
import { i18n } from './i18n'

createApp(ScreenApp).use(i18n).mount('#app')

// back from the back/forward cache: the page's stream was closed when it was left (pagehide), and its
// figures are old — start afresh
window.addEventListener('pageshow', (e) => {
  if (e.persisted) window.location.reload()
})
