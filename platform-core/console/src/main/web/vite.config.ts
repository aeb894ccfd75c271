import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

// Served by the console bundle at /console/; the platform's API is same-origin (/api/v1).
export default defineConfig({
  base: '/console/',
  plugins: [vue()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // vendor libraries in their own long-lived chunks; pages load on demand
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)/ },
            { name: 'element-plus', test: /node_modules[\\/](element-plus|@element-plus|@floating-ui|async-validator|dayjs|lodash)/ },
            { name: 'vue', test: /node_modules[\\/](@vue|vue|vue-router|vue-i18n|@intlify)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8181', '/console/plugins': 'http://127.0.0.1:8181' },
  },
  test: {
    environment: 'node',
  },
})
