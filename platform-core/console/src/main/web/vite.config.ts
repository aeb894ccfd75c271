import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

/**
 * Three pages from one build: the console (index.html, served at /console/), the residents'
 * reporting page (report/index.html, served at /report/) and the big screen (screen/index.html,
 * served at /screen/), all by the same bundle. They share the build's assets/, which each servlet
 * serves under its own path: chunks refer to each other relatively, and each page's HTML names
 * them under its own prefix.
 *
 * The resident page imports single Element Plus components, the console installs the whole
 * library: the `element-plus` group is split by the pages (entries, including lazily loaded
 * views) that use each module, so the resident page loads the chunks of its components only.
 */
export default defineConfig({
  base: '/console/',
  plugins: [vue()],
  // vue-i18n's feature flags: the composition API only, no global <i18n-t> components, no devtools
  define: { __VUE_I18N_FULL_INSTALL__: false, __VUE_I18N_LEGACY_API__: false, __INTLIFY_PROD_DEVTOOLS__: false },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      input: {
        console: fileURLToPath(new URL('./index.html', import.meta.url)),
        report: fileURLToPath(new URL('./report/index.html', import.meta.url)),
        screen: fileURLToPath(new URL('./screen/index.html', import.meta.url)),
      },
      output: {
        // vendor libraries in their own long-lived chunks; pages load on demand
        codeSplitting: {
          groups: [
            { name: 'vue', test: /node_modules[\\/](@vue|vue|vue-router|vue-i18n|@intlify)[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)/ },
            {
              name: 'element-plus',
              test: /node_modules[\\/](element-plus|@element-plus|@floating-ui|@popperjs|@ctrl|@vueuse|async-validator|dayjs|lodash|lodash-es|lodash-unified|memoize-one|normalize-wheel-es)[\\/]/,
              // split by the pages that use each module: the resident page loads only its components
              entriesAware: true,
              entriesAwareMergeThreshold: 8_000,
            },
          ],
        },
      },
    },
  },
  experimental: {
    renderBuiltUrl(filename, { hostId, hostType }) {
      if (hostType !== 'html') return { relative: true }
      if (hostId.startsWith('report/')) return '/report/' + filename
      return (hostId.startsWith('screen/') ? '/screen/' : '/console/') + filename
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8181', '/console/plugins': 'http://127.0.0.1:8181' },
  },
  test: {
    environment: 'node',
  },
})
