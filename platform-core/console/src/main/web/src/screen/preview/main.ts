/**
 * Development only (`npm run dev`, then /console/screen/preview.html?wall=jizhou|city&mode=wartime&lang=en):
 * the big screen with invented figures of a district of about 10,000 cases and a live event every
 * 2 s, without a platform or a sign-in, for designing the layout. Not part of the build.
 */
import { installFakePlatform } from './fake'

const params = new URLSearchParams(window.location.search)
const wall = params.get('wall') ?? 'jizhou'
// before the application's modules load: the typed API client keeps the fetch it finds
installFakePlatform(wall, params.get('mode') === 'wartime')
const [{ createApp, h }, { i18n }, ScaledCanvas, DistrictScreen, CityScreen] = await Promise.all([
  import('vue'), import('../i18n'), import('../components/ScaledCanvas.vue'), import('../DistrictScreen.vue'), import('../CityScreen.vue'), import('../screen.css'),
])
createApp({ render: () => h(ScaledCanvas.default, null, () => (wall === 'city' ? h(CityScreen.default) : h(DistrictScreen.default, { tenant: wall }))) })
  .use(i18n).mount('#app')
